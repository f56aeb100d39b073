import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact, EXTENSION, indicators, launch, settle } from './helpers/browser';
import { cardDialog, useSession } from './helpers/session';

const e2e = useSession();

async function marketplace() {
  const opened = await e2e.browser.open(e2e.server.url('marketplace.html'));
  await settle(opened.page, 4);
  return opened;
}

/** What has focus, looking through shadow roots: the indicator's rule, or "card". */
function focused(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.tagName === 'SPOTCHECK-CARD') return 'card';
    return active?.getAttribute('data-spotcheck-rule') ?? active?.tagName ?? null;
  });
}

describe('the evidence card', () => {
  it('shows verdict, claim, rebuttal, what works instead and linked evidence', async () => {
    const { page, errors } = await marketplace();
    await indicators(page).first().click();
    const dialog = cardDialog(page);
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const text = await dialog.innerText();
    expect(text).toContain('Water loss, not fat loss');
    expect(text).toContain('“Melts Stubborn Belly Fat”');
    expect(text).toContain('Heat makes you sweat water, not fat.');
    expect(text).toMatch(/What works instead/i);
    expect(text).toContain('Spot reduction does not exist');
    expect(await dialog.locator('a[href^="https://www.ftc.gov/"]').count()).toBe(1);
    // a labelled dialog to assistive technology
    expect(await dialog.getAttribute('aria-labelledby')).toBe('spotcheck-verdict');
    expect(await dialog.locator('#spotcheck-verdict').innerText()).toBe('Water loss, not fat loss');
    expect(await indicators(page).first().getAttribute('aria-expanded')).toBe('true');
    await page.screenshot({ path: artifact('card-marketplace.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens from the keyboard and closes with Escape, giving focus back to the indicator', async () => {
    const { page } = await marketplace();
    // Tab through the page until the first indicator has focus.
    for (let i = 0; i < 10 && (await focused(page)) !== 'sweat-wrap-melts-fat'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('sweat-wrap-melts-fat');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardDialog(page).isVisible()).toBe(true);
    expect(await focused(page)).toBe('card');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardDialog(page).count()).toBe(0);
    expect(await focused(page)).toBe('sweat-wrap-melts-fat');
    await page.keyboard.press(' ');
    await expect.poll(() => cardDialog(page).isVisible()).toBe(true);
    await page.close();
  });

  it('closes on a click outside and gives focus back', async () => {
    const { page } = await marketplace();
    await indicators(page).nth(1).click();
    await expect.poll(() => cardDialog(page).isVisible()).toBe(true);
    const box = await cardDialog(page).boundingBox();
    if (!box) throw new Error('card not visible');
    expect(box.x).toBeGreaterThan(100); // so a click at x=40 is outside it
    await page.mouse.click(40, 700);
    await expect.poll(() => cardDialog(page).count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('sweat-wrap-melts-fat');
    await page.close();
  });

  it('opens after a short hover, and not on a brush past', async () => {
    const { page } = await marketplace();
    const box = await indicators(page).nth(1).boundingBox();
    if (!box) throw new Error('indicator not visible');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(600);
    expect(await cardDialog(page).count()).toBe(0);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => cardDialog(page).isVisible(), { timeout: 2000 }).toBe(true);
    await page.close();
  });

  it('activating an indicator next to a link does not follow the link', async () => {
    const { page } = await marketplace();
    const before = page.url();
    await page.locator('#description spotcheck-indicator').click();
    await expect.poll(() => cardDialog(page).isVisible()).toBe(true);
    expect(page.url()).toBe(before);
    await page.close();
  });

  it('stays next to the claim and inside the window, following scroll and narrow windows', async () => {
    const { page } = await marketplace();
    const indicator = page.locator('.review spotcheck-indicator');
    await indicator.scrollIntoViewIfNeeded();
    await indicator.click();
    const dialog = cardDialog(page);
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const inside = async () => {
      const [c, i, w] = await Promise.all([dialog.boundingBox(), indicator.boundingBox(), page.viewportSize()]);
      if (!c || !i || !w) throw new Error('not visible');
      expect(c.x).toBeGreaterThanOrEqual(0);
      expect(c.y).toBeGreaterThanOrEqual(0);
      expect(c.x + c.width).toBeLessThanOrEqual(w.width);
      expect(c.y + c.height).toBeLessThanOrEqual(w.height + 1);
      // beside the indicator: just below it or just above it
      expect(Math.min(Math.abs(c.y - (i.y + i.height)), Math.abs(c.y + c.height - i.y))).toBeLessThan(16);
    };
    await inside();
    const before = (await dialog.boundingBox())?.y;
    await page.evaluate(() => window.scrollBy(0, 150));
    await page.waitForTimeout(200);
    await inside();
    expect((await dialog.boundingBox())?.y).not.toBe(before); // it moved with the page
    await page.setViewportSize({ width: 360, height: 640 });
    await indicator.scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    await inside();
    await page.screenshot({ path: artifact('card-narrow.png') });
    await page.close();
  });

  it('is readable in dark mode', async () => {
    const { page } = await marketplace();
    await page.emulateMedia({ colorScheme: 'dark' });
    await indicators(page).first().click();
    const dialog = cardDialog(page);
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const colours = await dialog.evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, color: style.color };
    });
    expect(colours.background).toBe('rgb(22, 27, 34)');
    expect(colours.color).toBe('rgb(230, 237, 243)');
    await page.screenshot({ path: artifact('card-dark.png') });
    await page.close();
  });
});

describe('the page around the marks', () => {
  it('keeps its layout: no page element moves beyond the indicators themselves', async () => {
    const boxes = (page: Page) =>
      page.evaluate(() =>
        [
          ...document.querySelectorAll('header, h1, h2, .rating, .price, li, button, p, .review, .gallery, section'),
        ].map((el) => {
          const r = el.getBoundingClientRect();
          return `${el.tagName}#${el.id} ${Math.round(r.top)},${Math.round(r.left)} ${Math.round(r.height)}`;
        }),
      );
    const { page } = await marketplace();
    const marked = await boxes(page);
    const plain = await launch({ extension: false });
    try {
      const { page: bare } = await plain.open(e2e.server.url('marketplace.html'));
      expect(marked).toEqual(await boxes(bare));
    } finally {
      await plain.close();
    }
    await page.close();
  });

  it('leaves the page’s own text and structure alone apart from the indicators', async () => {
    const { page } = await marketplace();
    const text = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
    const plain = await launch({ extension: false });
    try {
      const { page: bare } = await plain.open(e2e.server.url('marketplace.html'));
      expect(text).toBe(await bare.evaluate(() => document.body.innerText.replace(/\s+/g, ' ')));
    } finally {
      await plain.close();
    }
    await page.close();
  });
});

describe('privacy', () => {
  it('sends the page’s own scripts no messages', async () => {
    const page = await e2e.browser.context.newPage();
    await page.addInitScript(() => {
      const seen: unknown[] = [];
      (window as unknown as { seen: unknown[] }).seen = seen;
      window.addEventListener('message', (event) => seen.push(event.data));
    });
    await page.goto(e2e.server.url('marketplace.html'));
    await settle(page, 4);
    expect(await page.evaluate(() => (window as unknown as { seen: unknown[] }).seen)).toEqual([]);
    await page.close();
  });

  it('makes no network requests: only the page’s own and the extension’s files are loaded', async () => {
    const requested: string[] = [];
    const record = (request: { url(): string }) => requested.push(request.url());
    e2e.browser.context.on('request', record);
    try {
      const { page } = await marketplace();
      await indicators(page).first().click();
      await expect.poll(() => cardDialog(page).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Dismiss' }).click();
      const popup = await e2e.browser.context.newPage();
      await popup.goto(`chrome-extension://${e2e.browser.extensionId}/popup.html`);
      await popup.waitForTimeout(300);
      await popup.close();
      await page.close();
    } finally {
      e2e.browser.context.off('request', record);
    }
    const fixtures = new URL(e2e.server.url('marketplace.html')).origin;
    // The extension's own files: under its ID, or (the file a page loads on a sighting) under the
    // per-session ID Chrome gives web-accessible files, so pages cannot probe for the extension.
    const ownFile = (url: string) =>
      url.startsWith(`chrome-extension://${e2e.browser.extensionId}/`) ||
      (url.startsWith('chrome-extension://') && existsSync(join(EXTENSION, new URL(url).pathname)));
    const elsewhere = requested.filter((url) => !url.startsWith(`${fixtures}/`) && !ownFile(url));
    expect(requested.length).toBeGreaterThan(0); // the recording works
    expect(requested.some((url) => url.endsWith('/check-page.js'))).toBe(true);
    expect(elsewhere).toEqual([]);
  });
});
