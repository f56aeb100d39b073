import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, type Browser, indicators, launch, settle } from './helpers/browser';
import { type FixtureServer, startServer } from './helpers/server';

let browser: Browser;
let server: FixtureServer;
beforeAll(async () => {
  server = await startServer();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the built extension in Chromium', () => {
  it('marks the claims on the marketplace page', async () => {
    const { page, errors } = await browser.open(server.url('marketplace.html'));
    await settle(page, 4);
    expect(await indicators(page).count()).toBe(4);
    await page.screenshot({ path: artifact('marketplace.png') });
    expect(errors).toEqual([]);
  });
});
