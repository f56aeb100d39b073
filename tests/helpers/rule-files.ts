import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleFile } from '../../src/rules/load';

const RULES = join(__dirname, '../../rules');

/** The shipped rule files, named as `rules:check` names them. */
export const shippedRuleFiles: RuleFile[] = readdirSync(RULES)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({ file: `rules/${name}`, text: readFileSync(join(RULES, name), 'utf8') }));

/** The shipped rules with one file replaced (or added). */
export function withFile(file: string, text: string): RuleFile[] {
  return [...shippedRuleFiles.filter((f) => f.file !== file), { file, text }];
}

/** A well-formed rule file of one rule, `test-rule`; its cues, if any, start on line 13. */
export function testRule(options: { cues?: readonly string[] } = {}): string {
  const cues = options.cues ? `    cues:\n${options.cues.map((cue) => `      - ${cue}\n`).join('')}` : '';
  return `rules:
  - id: test-rule
    category: topical
    myth: A test myth.
    verdict: Test verdict
    rebuttal: A short rebuttal.
    explanation: A longer explanation.
    instead: What works instead.
    evidence:
      documents: [spot-reduction-does-not-exist]
      references: [katch-1984]
${cues}    patterns:
      - '{remove} {particle?} ~2 {local_fat}'
    examples:
      match: [Magic dust melts belly fat.]
      no-match: [Magic dust for your garden.]
`;
}
