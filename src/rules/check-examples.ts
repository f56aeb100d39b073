import type { Matcher } from '../match/matcher';
import type { Problem } from './problems';
import type { RuleSet } from './types';

/**
 * Every rule carries examples: texts its patterns must flag (as that rule) and texts nothing may
 * flag. Checking them on every build and test run keeps rules honest as they change.
 */
export function checkExamples(set: RuleSet, matcher: Matcher): Problem[] {
  const problems: Problem[] = [];
  for (const rule of set.rules) {
    for (const example of rule.examples.match) {
      const { matches, dismissed } = matcher.explain(example.text);
      if (matches.some((m) => m.rule === rule.id)) continue;
      const found = matches.map((m) => `${m.rule} "${m.text}"`);
      const why = dismissed.map((d) => `"${example.text.slice(d.start, d.end)}" dismissed as ${d.reason}`);
      problems.push({
        file: example.file,
        line: example.line,
        message: `example should be flagged by ${rule.id} but was not${describe([...found, ...why])}: "${example.text}"`,
      });
    }
    for (const example of rule.examples.noMatch) {
      const matches = matcher.match(example.text);
      if (matches.length === 0) continue;
      problems.push({
        file: example.file,
        line: example.line,
        message: `example must not be flagged but was${describe(matches.map((m) => `${m.rule} "${m.text}"`))}: "${example.text}"`,
      });
    }
  }
  return problems;
}

function describe(notes: readonly string[]): string {
  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}
