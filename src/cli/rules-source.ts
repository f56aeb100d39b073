import type { Matcher } from '../match/matcher';
import { checkRulesAt } from '../rules/check';
import { formatProblem } from '../rules/problems';
import { DEFAULT_RULES_PATH } from '../rules/read-folder';
import type { RuleSet } from '../rules/types';

/** Loads, checks and compiles the rules for a command; on any problem, says where and exits. */
export function loadMatcherOrExit(path: string = DEFAULT_RULES_PATH): { matcher: Matcher; set: RuleSet } {
  const result = checkRulesAt(path);
  if (!result.matcher || !result.set || result.problems.length > 0) {
    for (const problem of result.problems) console.error(formatProblem(problem));
    console.error(`rules at ${path} have ${result.problems.length} problem(s); fix them and run again`);
    process.exit(1);
  }
  return { matcher: result.matcher, set: result.set };
}

export { checkRulesAt };
