import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const EXTENSION = join(ROOT, '.output/chrome-mv3');
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Browser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** Opens a page and collects its errors. */
  open(url: string): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
];

/**
 * Launches Debian's Chromium, headless, with the built extension loaded (or without it, or with
 * another unpacked extension at a given path, for baselines), in a fresh profile that is deleted
 * on close.
 */
export async function launch(options: { extension?: boolean | string } = {}): Promise<Browser> {
  const withExtension = options.extension !== false;
  const path = typeof options.extension === 'string' ? options.extension : EXTENSION;
  if (withExtension && !existsSync(join(path, 'manifest.json'))) {
    throw new Error(`no built extension at ${path}: run "npm run build" first`);
  }
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const profile = mkdtempSync(join(tmpdir(), 'spotcheck-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    ...(withExtension ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
    args: withExtension ? [`--disable-extensions-except=${path}`, `--load-extension=${path}`, ...ARGS] : ARGS,
  });
  let extensionId = '';
  if (withExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    async open(url) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(url);
      return { page, errors };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where screenshots go for people to look at (not committed). */
export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** Indicators, counted through open shadow roots (Playwright's CSS locators pierce them). */
export function indicators(page: Page) {
  return page.locator('[data-spotcheck-rule]');
}

/** Waits until the content script has finished its first pass and the page is quiet. */
export async function settle(page: Page, expected?: number): Promise<void> {
  if (expected !== undefined) {
    await page.waitForFunction(
      (n) => {
        // Count through open shadow roots, as the content script marks inside them too.
        const count = (root: Document | ShadowRoot): number =>
          root.querySelectorAll('[data-spotcheck-rule]').length +
          [...root.querySelectorAll('*')].reduce((sum, el) => sum + (el.shadowRoot ? count(el.shadowRoot) : 0), 0);
        return count(document) >= n;
      },
      expected,
      { timeout: 10_000 },
    );
  }
  // Idle slices run within a second; give mutation batches their interval too.
  await page.waitForTimeout(600);
}
