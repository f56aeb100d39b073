import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type Browser, launch } from './browser';
import { type FixtureServer, startServer } from './server';

export interface Session {
  readonly browser: Browser;
  readonly server: FixtureServer;
}

/**
 * One fixture server and one Chromium with the built extension for a test file: started before
 * its tests, closed after them. Read `browser` and `server` inside tests, once they exist.
 */
export function useSession(): Session {
  let browser: Browser | undefined;
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the e2e ${name} is used before beforeAll started it`);
    return value;
  };
  return {
    get browser() {
      return started(browser, 'browser');
    },
    get server() {
      return started(server, 'server');
    },
  };
}

/** The open evidence card (its dialog, inside the card's shadow root). */
export const cardDialog = (page: Page) => page.locator('spotcheck-card [role="dialog"]');
