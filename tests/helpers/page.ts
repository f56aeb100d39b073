import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localFinder } from '../../src/match/service';
import { Marks, type MarksOptions } from '../../src/page/marks';
import { type ScanLimits, Scanner, type ScannerOptions, type Scheduler } from '../../src/page/scanner';
import { shippedMatcher } from './rules';

export const FIXTURES = join(__dirname, '../fixtures/pages');

/** Replaces the test document with a fixture page (scripts do not run in happy-dom). */
export function loadFixture(name: string): void {
  const html = readFileSync(join(FIXTURES, name), 'utf8');
  document.open();
  document.write(html);
  document.close();
}

/** A scanner on the current document, running its slices on timers, with fast batches. */
export function startScanner(
  options: {
    limits?: Partial<ScanLimits>;
    marks?: Partial<MarksOptions>;
    dismissed?: string[];
    schedule?: Scheduler;
    firstLook?: ScannerOptions['firstLook'];
  } = {},
) {
  const marks = new Marks(document, { onActivate: () => {}, ...options.marks });
  const changes: number[] = [];
  const scanner = new Scanner({
    doc: document,
    claims: localFinder(shippedMatcher()),
    marks,
    schedule: options.schedule ?? ((work) => setTimeout(() => work(() => false), 0)),
    limits: { batchInterval: 5, ...options.limits },
    isDismissed: (key) => options.dismissed?.includes(key) ?? false,
    onChange: (all) => changes.push(all.length),
    context: () => document.title,
    firstLook: options.firstLook,
  });
  scanner.start();
  return { scanner, marks, changes };
}

/** Indicators on the page (light DOM and open shadow roots). */
export function indicators(root: Document | ShadowRoot = document): HTMLElement[] {
  const found = [...root.querySelectorAll<HTMLElement>('[data-spotcheck-rule]')];
  for (const host of root.querySelectorAll('*')) if (host.shadowRoot) found.push(...indicators(host.shadowRoot));
  return found;
}

/** Lets queued mutation records be delivered before waiting for the scanner. */
export async function settled(scanner: Scanner): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await scanner.idle();
}

/** A scheduler that runs each slice on a timer and counts them; `timeUp` says when a slice is over. */
export function countingSchedule(timeUp: () => boolean = () => false): { schedule: Scheduler; slices: () => number } {
  let slices = 0;
  return {
    schedule: (work) =>
      setTimeout(() => {
        slices++;
        work(timeUp);
      }, 0),
    slices: () => slices,
  };
}

/** Rewrites the text of every element in `prices` every `ms`, as a live price list does, until stopped. */
export function tickPrices(prices: readonly Element[], ms: number): { ticks: () => number; stop: () => void } {
  let ticks = 0;
  const timer = setInterval(() => {
    ticks++;
    for (const price of prices) price.textContent = (19.99 + ticks / 100).toFixed(2);
  }, ms);
  return { ticks: () => ticks, stop: () => clearInterval(timer) };
}

/** A live price list's markup: `count` rows, each a product and its price in a span. */
export function priceRows(count: number): string {
  return Array.from({ length: count }, (_, i) => `<p>Band set ${i}: <span>19.99</span></p>`).join('');
}
