/**
 * npm run bench: speed and memory figures, each beside a baseline measured in the same run.
 * Benchmarks print numbers; they never pass or fail on time (tests check behaviour).
 * `npm run bench -- matcher` or `-- browser` runs one part; `-- browser live` only the pages
 * whose name holds "live".
 */
import { benchBrowser } from './browser';
import { type BudgetLine, printBudgets } from './budgets';
import { benchMatcher } from './matcher';

const only = process.argv[2];
const lines: BudgetLine[] = [];
if (!only || only === 'matcher') lines.push(...benchMatcher());
if (!only || only === 'browser') lines.push(...(await benchBrowser(process.argv[3])));
printBudgets(lines);
