import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact, indicators, settle } from './helpers/browser';
import { PAGES } from './helpers/server';
import { cardDialog, useSession } from './helpers/session';

const e2e = useSession();

const rules = (page: Page | Frame) =>
  page.locator('[data-spotcheck-rule]').evaluateAll((els) => els.map((el) => el.getAttribute('data-spotcheck-rule')));

describe('pages that change after they load', () => {
  it('marks reviews that arrive after load and after "show more"', async () => {
    const { page, errors } = await e2e.browser.open(e2e.server.url('late-reviews.html'));
    await settle(page, 1);
    expect(await indicators(page).count()).toBe(1);
    await page.click('#more');
    await settle(page, 2);
    expect(await indicators(page).count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks claims inside web components (open shadow roots)', async () => {
    const { page, errors } = await e2e.browser.open(e2e.server.url('web-components.html'));
    await settle(page, 2);
    expect(await rules(page)).toEqual(['cream-melts-local-fat', 'cream-melts-local-fat']);
    // the card opens from an indicator inside a shadow root too
    await indicators(page).first().click();
    await expect.poll(() => cardDialog(page).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks claims inside an iframe, where the content script also runs', async () => {
    const { page, errors } = await e2e.browser.open(e2e.server.url('with-iframe.html'));
    const frame = page.frameLocator('#ad');
    await expect.poll(() => frame.locator('[data-spotcheck-rule]').count(), { timeout: 10_000 }).toBe(1);
    expect(await frame.locator('[data-spotcheck-rule]').getAttribute('data-spotcheck-rule')).toBe(
      'ems-burns-belly-fat',
    );
    expect(await page.locator('body > [data-spotcheck-rule], p [data-spotcheck-rule]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks a claim that follows a CDATA section on an XHTML page', async () => {
    const { page, errors } = await e2e.browser.open(e2e.server.url('care-notes.xhtml'));
    await settle(page, 1);
    expect(await page.locator('#claim [data-spotcheck-rule]').count()).toBe(1);
    expect(await indicators(page).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows a single-page shop from product to product', async () => {
    const { page, errors } = await e2e.browser.open(e2e.server.url('spa/wrap'));
    await settle(page, 1);
    expect(await rules(page)).toEqual(['sweat-wrap-melts-fat']);
    await page.click('text=Yoga mat');
    await expect.poll(() => indicators(page).count()).toBe(0);
    await page.click('text=Vibration belt');
    await expect.poll(() => rules(page)).toEqual(['vibration-shakes-off-fat']);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('pages that must stay unmarked', () => {
  it.each(['honest-store.html', 'debunk-article.html', 'debunk-question.html'])(
    'marks nothing on %s and mounts no UI',
    async (name) => {
      const { page, errors } = await e2e.browser.open(e2e.server.url(name));
      await settle(page);
      expect(await indicators(page).count()).toBe(0);
      expect(await page.locator('spotcheck-card, [data-spotcheck-style]').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('leaves a seller’s form alone: fields, their values and editable text', async () => {
    const { page } = await e2e.browser.open(e2e.server.url('seller-form.html'));
    await settle(page);
    expect(await indicators(page).count()).toBe(0);
    expect(await page.inputValue('#title-input')).toBe('Sauna Belt – Melts Belly Fat Fast');
    expect(await page.inputValue('#description-input')).toBe('Our wrap dissolves stubborn thigh fat in days.');
    expect(await page.innerHTML('#notes')).toBe('Zaps arm fat in a week, say customers.');
    // typing into the editable area does not get it marked either
    await page.click('#notes');
    await page.keyboard.type(' Melts belly fat too.');
    await settle(page);
    expect(await indicators(page).count()).toBe(0);
    await page.close();
  });
});

describe('a page with aggressive global CSS', () => {
  it('still shows the indicator and a readable card', async () => {
    const { page, errors } = await e2e.browser.open(e2e.server.url('aggressive-css.html'));
    await settle(page, 1);
    const indicator = indicators(page).first();
    const box = await indicator.boundingBox();
    expect(box?.width).toBeGreaterThan(10); // the page's "display: none !important" did not hide it
    await indicator.click();
    const dialog = cardDialog(page);
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const style = await dialog.evaluate((el) => {
      const s = getComputedStyle(el);
      return { font: s.fontFamily, size: s.fontSize, transform: s.textTransform, color: s.color };
    });
    expect(style.font).not.toMatch(/comic/i);
    expect(style.size).toBe('14px');
    expect(style.transform).toBe('none');
    expect(style.color).toBe('rgb(31, 35, 40)');
    await page.screenshot({ path: artifact('card-aggressive-css.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a page with a strict content security policy', () => {
  it('still marks the claims, draws the indicators and opens the card, breaking no rule of the page', async () => {
    // The marketplace without its own inline styles, so any violation reported is Spot Check's.
    const html = readFileSync(join(PAGES, 'marketplace.html'), 'utf8')
      .replace(/<style>[\s\S]*?<\/style>/g, '')
      .replace(/ style="[^"]*"/g, '');
    // Nothing but the page's own files: no inline styles, data: images or other origins.
    e2e.server.page('strict.html', html, { 'content-security-policy': "default-src 'self'" });
    const { page, errors } = await e2e.browser.open(e2e.server.url('strict.html'));
    await settle(page, 4);
    expect(await indicators(page).count()).toBe(4);
    const indicator = indicators(page).first();
    await indicator.scrollIntoViewIfNeeded();
    const box = await indicator.boundingBox();
    if (!box) throw new Error('the indicator has no box');
    // The claim's end and its indicator, drawn without an image the policy would block.
    const clip = { x: Math.max(0, box.x - 240), y: Math.max(0, box.y - 16), width: 280, height: box.height + 32 };
    await page.screenshot({ path: artifact('strict-csp-indicator.png'), clip });
    await indicator.click();
    await expect.poll(() => cardDialog(page).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
