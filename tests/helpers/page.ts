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
