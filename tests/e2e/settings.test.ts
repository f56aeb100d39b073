/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact, indicators, settle } from './helpers/browser';
import { cardDialog, useSession } from './helpers/session';

const e2e = useSession();

/** The extension's service worker, to read what the browser shows (badge) and stored settings. */
async function worker() {
  return e2e.browser.context.serviceWorkers()[0] ?? (await e2e.browser.context.waitForEvent('serviceworker'));
}

/**
 * The tab id of a page. Spot Check does not ask for the "tabs" permission, so tabs cannot be
 * looked up by URL; the page is brought to the front and the active tab asked for instead.
 */
async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  const sw = await worker();
  const id = await sw.evaluate(async () => (await chrome.tabs.query({ active: true }))[0]?.id ?? -1);
  if (id < 0) throw new Error('no active tab');
  return id;
}

/** The popup page, opened in a tab of its own for the tab that shows `page`. */
async function popupFor(page: Page): Promise<Page> {
  const tabId = await tabIdOf(page);
  const popup = await e2e.browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 520 });
  await popup.goto(`chrome-extension://${e2e.browser.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

async function resetSettings() {
  const sw = await worker();
  await sw.evaluate(async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.clear();
  });
}

describe('dismissing and turning warnings off', () => {
  it('"Dismiss" removes that claim’s mark, and it stays dismissed after a reload', async () => {
    await resetSettings();
    const { page } = await e2e.browser.open(e2e.server.url('marketplace.html'));
    await settle(page, 4);
    await page.locator('#bullets spotcheck-indicator').click();
    await cardDialog(page).getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => indicators(page).count()).toBe(3);
    expect(await page.locator('#bullets spotcheck-indicator').count()).toBe(0);
    await page.reload();
    await settle(page, 3);
    expect(await indicators(page).count()).toBe(3);
    expect(await page.locator('#bullets spotcheck-indicator').count()).toBe(0);
    await page.close();
  });

  it('"Don’t warn on this site" removes every mark and Spot Check’s styles, and holds after a reload', async () => {
    await resetSettings();
    const { page } = await e2e.browser.open(e2e.server.url('marketplace.html'));
    await settle(page, 4);
    await indicators(page).first().click();
    await cardDialog(page)
      .getByRole('button', { name: /Don’t warn on/ })
      .click();
    await expect.poll(() => indicators(page).count()).toBe(0);
    expect(await page.locator('spotcheck-card, [data-spotcheck-style]').count()).toBe(0);
    await page.reload();
    await settle(page);
    expect(await indicators(page).count()).toBe(0);
    // another page on the same site stays quiet too
    const other = await e2e.browser.open(e2e.server.url('late-reviews.html'));
    await settle(other.page);
    expect(await indicators(other.page).count()).toBe(0);
    await other.page.close();
    await page.close();
  });
});

describe('the toolbar popup', () => {
  it('lists what was found on the tab and switches warnings for the site off and on', async () => {
    await resetSettings();
    const url = e2e.server.url('marketplace.html');
    const { page } = await e2e.browser.open(url);
    await settle(page, 4);
    const popup = await popupFor(page);
    await expect.poll(() => popup.locator('h2').textContent()).toBe('4 claims on this page');
    const items = await popup.locator('li').allInnerTexts();
    expect(items).toHaveLength(4);
    expect(items[0]).toContain('“Melts Stubborn Belly Fat”');
    const toggle = popup.getByRole('switch');
    expect(await toggle.isChecked()).toBe(true);
    expect(await popup.locator('label.switch').innerText()).toContain('127.0.0.1');
    await popup.screenshot({ path: artifact('popup.png') });

    await toggle.uncheck();
    await expect.poll(() => indicators(page).count()).toBe(0);
    await expect.poll(() => popup.locator('.quiet').innerText()).toContain('Warnings are off on this site');
    await toggle.check();
    await expect.poll(() => indicators(page).count(), { timeout: 10_000 }).toBe(4);
    await popup.close();
    await page.close();
  });

  it('shows a claim picked in the list on the page, scrolled into view with its card open', async () => {
    await resetSettings();
    const { page } = await e2e.browser.open(e2e.server.url('marketplace.html'));
    await page.setViewportSize({ width: 1000, height: 500 });
    await settle(page, 4);
    const review = page.locator('#reviews spotcheck-indicator').first();
    const inView = () =>
      review.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      });
    expect(await inView()).toBe(false); // the review is further down the page
    const popup = await popupFor(page);
    const pick = popup.getByRole('button', { name: /muffin top has disappeared/ });
    // Screen readers hear what picking does, from the hint under the list.
    const description = await pick.evaluate(
      (button) => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
    );
    expect(description).toContain('Pick a claim to see it on the page');
    await pick.focus();
    await popup.keyboard.press('Enter'); // a list of buttons: the keyboard works as well as a click
    await expect.poll(() => cardDialog(page).count()).toBe(1);
    expect(await cardDialog(page).innerText()).toContain('muffin top has disappeared');
    expect(await inView()).toBe(true);
    await popup.close();
    await page.close();
  });

  it('shows a claim picked in the list inside the frame that holds it', async () => {
    await resetSettings();
    const { page } = await e2e.browser.open(e2e.server.url('with-iframe.html'));
    const frame = page.frameLocator('#ad');
    await expect.poll(() => frame.locator('[data-spotcheck-rule]').count(), { timeout: 10_000 }).toBe(1);
    const popup = await popupFor(page);
    await expect.poll(() => popup.locator('li button').count()).toBe(1);
    await popup.locator('li button').click();
    await expect.poll(() => frame.locator('spotcheck-card [role="dialog"]').count()).toBe(1);
    expect(await cardDialog(page).count()).toBe(0); // not in the top page
    await popup.close();
    await page.close();
  });

  it('shows the number of claims on the toolbar badge', async () => {
    await resetSettings();
    const url = e2e.server.url('marketplace.html');
    const { page } = await e2e.browser.open(url);
    await settle(page, 4);
    const tabId = await tabIdOf(page);
    const sw = await worker();
    await expect.poll(() => sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('4');
    await page.goto(e2e.server.url('honest-store.html'));
    await settle(page);
    await expect.poll(() => sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');
    await page.close();
  });
});
