import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { indicators, settle } from './helpers/browser';
import { useSession } from './helpers/session';

const e2e = useSession();

/** The content script's own account of its work (recorded only on pages that ask for it). */
async function work(
  page: Page,
): Promise<{ slices: number; marks: number; finished?: number; work?: number; longest?: number }> {
  return JSON.parse((await page.getAttribute('html', 'data-spotcheck-bench')) ?? '{}');
}

const page = (body: string, script = '') =>
  `<!doctype html><html lang="en" data-spotcheck-bench><head><meta charset="utf-8"><title>Hostile</title></head><body>${body}<script>${script}</script></body></html>`;

describe('hostile pages', () => {
  it('a ticker changing text every 10 ms keeps the work throttled, and the claim marked', async () => {
    e2e.server.page(
      'ticker.html',
      page(
        '<p id="claim">This gel melts thigh fat overnight.</p><p>Price updates live: <span id="tick">0</span></p>',
        "let n = 0; setInterval(() => { document.getElementById('tick').textContent = String(++n); }, 10);",
      ),
    );
    const { page: p, errors } = await e2e.browser.open(e2e.server.url('ticker.html'));
    await settle(p, 1);
    const before = (await work(p)).slices;
    await p.waitForTimeout(2000);
    const after = (await work(p)).slices;
    // 200 changes in 2 s; batches are at least 250 ms apart, so about 8 batches, not 200.
    expect(after - before).toBeLessThan(20);
    expect(await indicators(p).count()).toBe(1);
    expect(await p.locator('#tick').textContent()).not.toBe('0'); // the page kept running
    expect(errors).toEqual([]);
    await p.close();
  });

  // 400 levels: from about 500 levels of nested div/span, headless Chromium's renderer itself
  // crashes, with or without the extension.
  it('deeply nested markup is read without error', async () => {
    e2e.server.page(
      'deep.html',
      page(
        '<div id="root"></div>',
        `let el = document.getElementById('root');
         for (let i = 0; i < 400; i++) { const next = document.createElement(i % 2 ? 'span' : 'div'); el.append(next); el = next; }
         el.append('Deep inside: this belt zaps belly fat.');`,
      ),
    );
    const { page: p, errors } = await e2e.browser.open(e2e.server.url('deep.html'));
    await settle(p, 1);
    expect(await indicators(p).count()).toBe(1);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('a huge page is read in many small slices, up to a cap, and stays usable', async () => {
    e2e.server.page(
      'huge.html',
      page(
        '<main id="list"></main>',
        `const parts = ['<p>First: this cream melts belly fat.</p>'];
         for (let i = 0; i < 120000; i++) parts.push('<p>Item ' + i + ' <b>in stock</b></p>');
         parts.push('<p>Last: this wrap burns thigh fat.</p>');
         document.getElementById('list').innerHTML = parts.join('');`,
      ),
    );
    const { page: p, errors } = await e2e.browser.open(e2e.server.url('huge.html'));
    await p.waitForFunction(
      () => JSON.parse(document.documentElement.getAttribute('data-spotcheck-bench') || '{}').finished,
      null,
      {
        timeout: 30_000,
      },
    );
    const { slices, marks, work: total, longest } = await work(p);
    // Time-sliced, not one long task: many slices, none doing more than a third of the work.
    expect(slices).toBeGreaterThan(5);
    expect(longest).toBeLessThan((total ?? 0) / 3);
    // 240,002 text nodes, more than one pass reads (200,000): the first claim is marked, the last is not.
    expect(marks).toBe(1);
    expect(await p.locator('main > p:first-child [data-spotcheck-rule]').count()).toBe(1);
    // The page answers while and after being read.
    expect(await p.evaluate(() => document.querySelectorAll('p').length)).toBe(120002);
    expect(errors).toEqual([]);
    await p.close();
  });
});
