/**
 * The content script in headless Chromium, on generated shop pages, beside the same pages without
 * extensions and with an empty content script: time from content-script start to marks drawn, the
 * extension's own work and its longest slice, main-thread script time (Chrome's own count, which
 * also holds compiling the script and setting it up), long tasks, and bundle sizes.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { anywhereSource } from '../../src/match/filters';
import { MAY_HOST_SHADOW } from '../../src/page/sparse';
import { loadRulesAt } from '../../src/rules/read-folder';
import { type Browser, EXTENSION, launch } from '../e2e/helpers/browser';
import { startServer } from '../e2e/helpers/server';
import { BUDGETS, type BudgetLine } from './budgets';
import { random, shopBlocks } from './shop-text';

interface Run {
  /** ms from content-script start to the end of its first pass (marks drawn). */
  readonly toMarks?: number;
  /** ms the extension's slices took in all, and the longest one. */
  readonly work?: number;
  readonly longest?: number;
  readonly marks?: number;
  /** ms the background spent matching for the first pass (off the page's thread). */
  readonly background?: number;
  /** Chrome's main-thread script time for the page, ms. */
  readonly script: number;
  /** Longest main-thread task after the page's own loading (DOMContentLoaded), ms; 0 when none reached 50 ms. */
  readonly longTask: number;
  readonly ui: number;
  /** The page as measured in the browser: text nodes and characters of text. */
  readonly textNodes: number;
  readonly chars: number;
  /** ms the page's own script takes to read all its text once (`textContent`): a floor for any look at every word. */
  readonly readOnce: number;
  /**
   * ms the page's own script takes for the native steps of the lookout's first look, done once
   * the simplest way: read its text, run the stem regex over it, query for web components.
   */
  readonly lookOnce: number;
}

const RUNS = 7;

/**
 * An extension whose content script is empty, written to a temporary folder: the baseline for
 * what any content script costs a page before it does anything.
 */
function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spotcheck-empty-extension-'));
  const manifest = {
    manifest_version: 3,
    name: 'Empty content script',
    version: '1.0',
    background: { service_worker: 'background.js' },
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle', all_frames: true },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'background.js'), '');
  writeFileSync(join(dir, 'content.js'), '');
  return dir;
}

/** A category page: product tiles with titles, bullets and review snippets, about `chars` of text. */
function categoryPage(chars: number, claims: number, nearMisses: number, seed: number): string {
  const blocks = shopBlocks({ size: chars, claims, nearMisses, seed });
  const tiles: string[] = [];
  const bold = (text = '') => text.replace(/^(\S+)/, '<b>$1</b>');
  for (let i = 0; i < blocks.length; i += 7) {
    const [title, bullet1, bullet2, d1, d2, d3, review] = blocks.slice(i, i + 7);
    // Each tile, about 8 text nodes: a linked title, two bullets starting in bold, a short
    // description and a review with a star rating.
    tiles.push(
      `<article class="tile"><h3><a href="#p${i}">${title ?? ''}</a></h3><ul><li>${bold(bullet1)}</li><li>${bold(bullet2)}</li></ul><p>${[d1, d2, d3].join(' ')}</p><p class="review"><span class="stars">★★★★☆</span> ${review ?? ''}</p></article>`,
    );
  }
  const html = `<!doctype html><html lang="en" data-spotcheck-bench><head><meta charset="utf-8"><title>Fitness deals – category</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:0} main{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;padding:12px}
.tile{border:1px solid #ddd;border-radius:6px;padding:8px} h3{font-size:15px;margin:0 0 4px}</style></head>
<body><header><h1>Fitness deals</h1></header><main>${tiles.join('')}</main></body></html>`;
  return html;
}

/** A size chart: waist and hip measurements, words a claim could use but none makes. */
function sizeChart(): string {
  const rows = ['XS', 'S', 'M', 'L', 'XL'].map(
    (size, i) => `<tr><td>${size}</td><td>${64 + i * 6} cm</td><td>${88 + i * 6} cm</td></tr>`,
  );
  return `<table><caption>Size guide: measure your waist and hips</caption><tr><th>Size</th><th>Waist</th><th>Hip</th></tr>${rows.join('')}</table>`;
}

/**
 * `html` with a shop's catalogue embedded as JSON at the end of its body, as storefront frameworks
 * embed their page data: `products` entries with ids, links and image addresses (random
 * letters and digits, where short stems such as "cm" turn up), about 340 characters each.
 */
function withCatalogue(html: string, products: number): string {
  const next = random(7);
  const id = (length: number) =>
    Array.from({ length }, () => '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(next() * 36)]).join('');
  const catalogue = Array.from({ length: products }, (_, i) => ({
    id: id(12),
    title: `Wireless earbuds, model ${i}`,
    url: `/products/wireless-earbuds-${i}?variant=${id(10)}`,
    images: [1, 2].map(() => `https://cdn.example.com/files/${id(24)}.jpg?v=${id(8)}`),
    price: 1999 + i,
    tags: ['audio', 'bluetooth', 'sale'],
  }));
  return html.replace('</body>', `<script type="application/json">${JSON.stringify(catalogue)}</script></body>`);
}

/**
 * A live price list: 990 rows whose prices are all rewritten at once, four times a second, so
 * every batch of changes holds about a thousand separate blocks.
 */
function priceListPage(before = ''): string {
  return `<!doctype html><html lang="en" data-spotcheck-bench><head><meta charset="utf-8"><title>Live prices</title></head>
<body><h1>Live prices</h1>${before}<div id="rows"></div><script>
const rows = document.getElementById('rows');
for (let i = 0; i < 990; i++) { const p = document.createElement('p'); p.innerHTML = 'Resistance band set ' + i + ': <span>19.99</span>'; rows.append(p); }
let n = 0;
setInterval(() => { n++; for (const s of rows.querySelectorAll('span')) s.textContent = (19.99 + n / 100).toFixed(2); }, 250);
</script></body></html>`;
}

/** How long each page is watched after its first pass, when not WATCHED (most pages are done by then). */
const WATCHED = 700;
/** Pages watched for longer: what a page that keeps changing costs shows over seconds. */
const LIVE_BESIDE_SIZE_CHART = 'live prices beside a size chart, watched for 4 s';
const WATCHED_LONGER: Record<string, number> = { [LIVE_BESIDE_SIZE_CHART]: 4000 };

async function measure(page: Page, url: string, withExtension: boolean, stems: string, watched: number): Promise<Run> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.addInitScript(() => {
    const w = window as unknown as { __tasks: { start: number; duration: number }[] };
    w.__tasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  if (withExtension) {
    await page.waitForFunction(
      () => JSON.parse(document.documentElement.getAttribute('data-spotcheck-bench') || '{}').finished,
      null,
      {
        timeout: 30_000,
      },
    );
  }
  // Let idle work and mutation batches finish, drawing frames as a visible tab does (headless
  // Chromium draws none unless asked, and layout happens when a frame is drawn): both cases alike.
  // (A string: the bundler would wrap a named function in a helper the page does not have.)
  await page.evaluate(`new Promise((resolve) => {
    const end = performance.now() + ${watched};
    const tick = () => (performance.now() > end ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  })`);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const script = (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  // Loading the page is the page's own long task; what matters is any task after it, when the
  // content script (run at document_idle) does its work.
  const longTask = await page.evaluate(() => {
    const loaded = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const after = loaded?.domContentLoadedEventEnd ?? 0;
    const tasks = (window as unknown as { __tasks: { start: number; duration: number }[] }).__tasks;
    return Math.max(0, ...tasks.filter((t) => t.start >= after).map((t) => t.duration));
  });
  // After the script time is read: this read is a yardstick, not part of the page's cost.
  const readOnce = await page.evaluate(() => {
    const start = performance.now();
    void document.body.textContent;
    return performance.now() - start;
  });
  // A new regex, each time: the engine keeps compiled regexes for a while, and the look pays to compile it.
  const lookOnce = (await page.evaluate(`(() => {
    const start = performance.now();
    const text = document.body.textContent;
    const stems = new RegExp(${JSON.stringify(stems)} + '|(?!)' + Math.random(), 'gi');
    for (let m = stems.exec(text); m; m = stems.exec(text)) stems.lastIndex = m.index + 1;
    for (const element of document.body.querySelectorAll(${JSON.stringify(MAY_HOST_SHADOW)})) void element.shadowRoot;
    return performance.now() - start;
  })()`)) as number;
  const size = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    while (walker.nextNode()) nodes++;
    return { textNodes: nodes, chars: document.body.textContent?.length ?? 0 };
  });
  const ui = await page.locator('spotcheck-card, spotcheck-indicator, [data-spotcheck-style]').count();
  const bench = JSON.parse((await page.getAttribute('html', 'data-spotcheck-bench')) || '{}') as Record<string, number>;
  await cdp.detach();
  return {
    script,
    longTask,
    ui,
    readOnce,
    lookOnce,
    ...size,
    ...(bench.finished !== undefined && bench.started !== undefined
      ? {
          toMarks: bench.finished - bench.started,
          work: bench.work,
          longest: bench.longest,
          marks: bench.marks,
          background: bench.background,
        }
      : {}),
  };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
/** One figure's median over a setup's runs. */
const pick = (runs: Run[], key: keyof Run) => median(runs.map((run) => Number(run[key] ?? 0)));
const ms = (value: number | undefined) => (value === undefined ? '   -' : value.toFixed(1).padStart(6));

/** The page the first-scan budget is for; every other page makes no claim. */
const CATEGORY = 'category';

/** `only`: run the pages whose name contains it (all when not given). */
export async function benchBrowser(only?: string): Promise<BudgetLine[]> {
  const { compiled } = loadRulesAt();
  if (!compiled) throw new Error('rules do not load; run npm run rules:check');
  const stems = anywhereSource(compiled);
  const server = await startServer();
  const pages = {
    // About 800 product tiles: a heavy category page (~6,000 text nodes, ~300 KB of text).
    [CATEGORY]: categoryPage(300_000, 0.003, 0.04, 11),
    'near misses, no claims': categoryPage(300_000, 0, 0.04, 12),
    'no claims, no anchors': categoryPage(300_000, 0, 0, 13),
    // A long clothing page whose only words about a waist are in the size chart at its end.
    'size chart at the end, 294 KB': categoryPage(300_000, 0, 0, 16).replace('</main>', `</main>${sizeChart()}`),
    // The common cases: an ordinary product page (size chart, nutrition panel) making no claim,
    // and an ordinary page with nothing about fat at all.
    'product page, no claims': categoryPage(30_000, 0, 0.04, 14),
    'ordinary page, no anchors': categoryPage(30_000, 0, 0, 15),
    // The same, as shops serve it: with the catalogue's data in the page as JSON (no claim is read there).
    'ordinary page with 270 KB of product data as JSON': withCatalogue(categoryPage(30_000, 0, 0, 15), 800),
    // Changes, not size: what a page that keeps rewriting a thousand blocks costs.
    'live prices, 990 rows rewritten 4 times a second': priceListPage(),
    // The same beside a size chart, as on a clothing shop: the near miss brings in the scanner,
    // which then keeps up with the rows itself.
    [LIVE_BESIDE_SIZE_CHART]: priceListPage(sizeChart()),
  };
  for (const [name, html] of Object.entries(pages)) server.page(`${name.replace(/\W+/g, '-')}.html`, html);

  // The same pages in three browsers: without extensions, with an extension whose content script
  // is empty (what any content script costs a page: the browser sets up a world for it), and with
  // Spot Check. They take turns, run by run, so whatever else the machine does meanwhile weighs on
  // each alike (one browser after the other, the baselines drifted by more than a content script costs).
  const setups = { alone: false, empty: emptyExtension(), spotCheck: true } as const;
  const names = Object.keys(setups) as (keyof typeof setups)[];
  const browsers: Partial<Record<keyof typeof setups, Browser>> = {};
  const results: Record<string, Record<keyof typeof setups, Run[]>> = {};
  try {
    for (const setup of names) browsers[setup] = await launch({ extension: setups[setup] });
    for (const name of Object.keys(pages).filter((name) => !only || name.includes(only))) {
      const url = server.url(`${name.replace(/\W+/g, '-')}.html`);
      const runs: Record<keyof typeof setups, Run[]> = { alone: [], empty: [], spotCheck: [] };
      for (let i = 0; i < RUNS; i++) {
        for (const setup of names) {
          const page = await (browsers[setup] as Browser).context.newPage();
          runs[setup].push(await measure(page, url, setup === 'spotCheck', stems, WATCHED_LONGER[name] ?? WATCHED));
          await page.close();
        }
      }
      results[name] = runs;
    }
  } finally {
    for (const browser of Object.values(browsers)) await browser.close();
  }
  await server.close();

  console.log(
    `\nContent script in headless Chromium (median of ${RUNS} runs; "page alone" is the same page without extensions)`,
  );
  for (const [name, html] of Object.entries(pages)) {
    const r = results[name];
    if (!r) continue;
    const script = {
      alone: pick(r.alone, 'script'),
      empty: pick(r.empty, 'script'),
      ours: pick(r.spotCheck, 'script'),
    };
    console.log(
      `\n  ${name}: ${pick(r.alone, 'textNodes')} text nodes, ${(pick(r.alone, 'chars') / 1024).toFixed(0)} KB of text, ${(html.length / 1024).toFixed(0)} KB of HTML`,
    );
    console.log(
      `    content-script start → marks drawn  ${ms(pick(r.spotCheck, 'toMarks'))} ms   (${pick(r.spotCheck, 'marks')} claims marked)`,
    );
    console.log(
      `    extension work in the page          ${ms(pick(r.spotCheck, 'work'))} ms   longest slice ${ms(pick(r.spotCheck, 'longest'))} ms`,
    );
    console.log(
      `    matching in the background          ${ms(pick(r.spotCheck, 'background'))} ms   (not on the page's thread)`,
    );
    console.log(
      `    main-thread script time             ${ms(script.ours)} ms   page alone ${ms(script.alone)} ms   with an empty content script ${ms(script.empty)} ms`,
    );
    console.log(
      `    cost to the page                    ${ms(script.ours - script.alone)} ms   of which any content script's ${ms(script.empty - script.alone)} ms, Spot Check's own ${ms(script.ours - script.empty)} ms`,
    );
    console.log(
      `    longest task ≥ 50 ms after loading  ${ms(pick(r.spotCheck, 'longTask'))} ms   page alone ${ms(pick(r.alone, 'longTask'))} ms`,
    );
    console.log(`    Spot Check elements on the page     ${pick(r.spotCheck, 'ui')}`);
    // Any check of every word on a page reads its text at least once: what that alone costs here.
    console.log(
      `    the page reading its own text once  ${ms(pick(r.alone, 'readOnce'))} ms   (textContent, in the page without extensions)`,
    );
    // And what the lookout's first look asks of the browser, in one go: its floor on a page with no claims.
    console.log(
      `    ... and looking at it once          ${ms(pick(r.alone, 'lookOnce'))} ms   (its text, the stem regex over it, the query for web components)`,
    );
  }
  const lines = budgetLines(results);
  const size = (path: string) => {
    const file = join(EXTENSION, path);
    return `${(statSync(file).size / 1024).toFixed(1)} KB (${(gzipSync(readFileSync(file)).length / 1024).toFixed(1)} KB gzipped)`;
  };
  // The browser compiles all of a content script on every page, so its size is a cost to every page.
  console.log(`\n  content script, on every page: ${size('content-scripts/content.js')}`);
  console.log(`  loaded on pages that may hold a claim: ${size('check-page.js')}`);
  console.log(`  loaded on pages with a marked claim: ${size('card.js')}`);
  return lines;
}

/** The run's medians against the budgets: the first scan of the category page, and every page without claims. */
function budgetLines(results: Record<string, Record<'alone' | 'spotCheck', Run[]>>): BudgetLine[] {
  const lines: BudgetLine[] = [];
  for (const [name, r] of Object.entries(results)) {
    const work = pick(r.spotCheck, 'work');
    if (name === CATEGORY) {
      lines.push({
        budget: `first scan of the category page under ${BUDGETS.firstScan} ms`,
        measured: `${work.toFixed(1)} ms of work, longest slice ${pick(r.spotCheck, 'longest').toFixed(1)} ms`,
        met: work < BUDGETS.firstScan,
      });
      const longTask = pick(r.spotCheck, 'longTask');
      lines.push({
        budget: `no task of ${BUDGETS.longTask} ms or more on it`,
        measured:
          longTask === 0 ? 'none' : `${longTask.toFixed(1)} ms (page alone ${pick(r.alone, 'longTask').toFixed(1)} ms)`,
        met: longTask === 0,
      });
      continue;
    }
    const ui = pick(r.spotCheck, 'ui');
    lines.push({
      budget: `${name}: under ${BUDGETS.claimFree} ms, no UI`,
      measured: `${work.toFixed(1)} ms of work${name in WATCHED_LONGER ? ` (watched ${(WATCHED_LONGER[name] ?? 0) / 1000} s)` : ''}, ${ui} elements`,
      met: work < BUDGETS.claimFree && ui === 0,
      // The native steps any look at every word takes, done once by the page itself (see lookOnce).
      note: `the page's own script reading its text and looking at it once: ${pick(r.alone, 'lookOnce').toFixed(1)} ms`,
    });
  }
  return lines;
}
