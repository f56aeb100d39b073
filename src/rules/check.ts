import { statSync } from 'node:fs';
import { createMatcher, type Matcher } from '../match/matcher';
import { checkCues } from './check-cues';
import { checkExamples } from './check-examples';
import type { Problem } from './problems';
import { DEFAULT_RULES_PATH, displayPath, loadRulesAt } from './read-folder';
import type { CompiledRules, RuleSet } from './types';

export interface CheckedRules {
  readonly set?: RuleSet;
  readonly compiled?: CompiledRules;
  readonly matcher?: Matcher;
  readonly problems: readonly Problem[];
}

/**
 * Everything `rules:check` and the build verify: YAML syntax, fields, categories, unique ids,
 * cited evidence, patterns that compile and hold an anchor word, cues that no other cue cuts
 * short, and every rule's examples.
 */
export function checkRulesAt(path: string = DEFAULT_RULES_PATH): CheckedRules {
  let loaded: ReturnType<typeof loadRulesAt>;
  try {
    loaded = loadRulesAt(path);
  } catch (error) {
    return { problems: [{ file: path, line: 1, message: (error as Error).message }] };
  }
  // Checking one file: the whole folder is loaded for context, its problems are reported.
  const only = statSync(path).isFile() ? displayPath(path) : undefined;
  const mine = (problems: readonly Problem[]) => (only ? problems.filter((p) => p.file === only) : problems);
  if (!loaded.compiled || !loaded.set) return { problems: mine(loaded.problems) };
  const matcher = createMatcher(loaded.compiled);
  const problems = [...checkCues(loaded.set, loaded.compiled), ...checkExamples(loaded.set, matcher)];
  return { set: loaded.set, compiled: loaded.compiled, matcher, problems: mine(problems) };
}
