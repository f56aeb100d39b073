/**
 * The performance budgets set for this 2-core machine (issue 3), and how a run measured against
 * them: printed at the end of `npm run bench`, so a run says at a glance which are met. Printed,
 * never asserted: a test cannot fail on wall-clock time.
 */

export const BUDGETS = {
  /** Extension work of the first scan of the 300 KB category page, ms. */
  firstScan: 50,
  /** No main-thread task of this length or more that the extension causes, ms. */
  longTask: 50,
  /** Extension work on a page without claims, ms (and no UI mounted). */
  claimFree: 5,
  /** The matcher's speed over the naive baseline on shop text, times. */
  speedUp: 10,
} as const;

export interface BudgetLine {
  readonly budget: string;
  readonly measured: string;
  readonly met: boolean;
  /** What else the reader needs to weigh the figure (a floor, a baseline). */
  readonly note?: string;
}

export function printBudgets(lines: readonly BudgetLine[]): void {
  if (lines.length === 0) return;
  console.log('\nAgainst the budgets (medians of this run)');
  for (const line of lines) {
    console.log(`  ${line.met ? 'met    ' : 'not met'}  ${line.budget}: ${line.measured}`);
    if (line.note) console.log(`           ${line.note}`);
  }
}
