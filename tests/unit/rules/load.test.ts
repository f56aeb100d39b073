import { describe, expect, it } from 'vitest';
import { loadRules, type RuleFile } from '../../../src/rules/load';
import { formatProblem } from '../../../src/rules/problems';
import { shippedRuleFiles as shipped, testRule, withFile } from '../../helpers/rule-files';

const GOOD_RULE = testRule();

function problems(files: RuleFile[]): string[] {
  return loadRules(files).problems.map(formatProblem);
}

describe('loading rules', () => {
  it('loads and compiles the shipped rules without problems', () => {
    const loaded = loadRules(shipped);
    expect(loaded.problems).toEqual([]);
    expect(loaded.compiled?.rules.length).toBeGreaterThan(10);
  });

  it('accepts a well-formed extra rule file', () => {
    expect(problems(withFile('rules/test.yaml', GOOD_RULE))).toEqual([]);
  });

  it('reports a YAML syntax error with its file and line', () => {
    const broken = GOOD_RULE.replace('    verdict: Test verdict', '    verdict: [unclosed');
    expect(problems(withFile('rules/test.yaml', broken))).toEqual([
      expect.stringMatching(/^rules\/test\.yaml:\d+: YAML:/),
    ]);
  });

  it('reports a missing field at the rule, an unknown category and an unknown field at their lines', () => {
    const bad = GOOD_RULE.replace('    verdict: Test verdict\n', '')
      .replace('category: topical', 'category: magic')
      .replace('    instead:', '    insted: typo\n    instead:');
    const found = problems(withFile('rules/test.yaml', bad));
    expect(found).toContain(
      'rules/test.yaml:3: unknown category "magic" (expected one of: general, spot-exercise, sweat-wrap, topical, ems, vibration, garment, supplement-targeted, device-other)',
    );
    expect(found).toContainEqual(expect.stringMatching(/^rules\/test\.yaml:2: missing field "verdict"/));
    expect(found).toContainEqual(expect.stringMatching(/^rules\/test\.yaml:7: unknown field "insted"/));
  });

  it('reports a duplicate id with both places', () => {
    const duplicate = GOOD_RULE.replace('id: test-rule', 'id: local-fat-loss');
    expect(problems(withFile('rules/test.yaml', duplicate))).toContainEqual(
      expect.stringMatching(
        /^rules\/(test|general)\.yaml:\d+: duplicate rule id "local-fat-loss" \(also at rules\/(general|test)\.yaml:\d+\)/,
      ),
    );
  });

  it('reports a pattern that does not compile, an unknown class and a misplaced gap', () => {
    const bad = GOOD_RULE.replace(
      "      - '{remove} {particle?} ~2 {local_fat}'",
      "      - '(melts belly fat'\n      - '{nonsense} fat'\n      - 'melts~2 belly fat'",
    );
    const found = problems(withFile('rules/test.yaml', bad));
    expect(found).toContainEqual(
      expect.stringMatching(/^rules\/test\.yaml:13: pattern "\(melts belly fat": unbalanced/),
    );
    expect(found).toContainEqual(
      expect.stringMatching(/^rules\/test\.yaml:14: pattern "\{nonsense\} fat": unknown word class \{nonsense\}/),
    );
    expect(found).toContainEqual(expect.stringMatching(/^rules\/test\.yaml:15: .*a gap such as ~2 must stand alone/));
  });

  it('reports a pattern without an anchor word, which the first pass could never see', () => {
    const bad = GOOD_RULE.replace("'{remove} {particle?} ~2 {local_fat}'", "'magic dust works wonders'");
    expect(problems(withFile('rules/test.yaml', bad))).toContainEqual(
      expect.stringMatching(
        /^rules\/test\.yaml:13: pattern "magic dust works wonders" can match without an anchor word/,
      ),
    );
  });

  it('reports evidence that does not exist and an over-long rebuttal', () => {
    const bad = GOOD_RULE.replace('[katch-1984]', '[made-up-2020]').replace(
      'A short rebuttal.',
      'Too long. '.repeat(40),
    );
    const found = problems(withFile('rules/test.yaml', bad));
    expect(found).toContainEqual(expect.stringMatching(/cites unknown reference "made-up-2020"/));
    expect(found).toContainEqual(expect.stringMatching(/^rules\/test\.yaml:6: rebuttal is \d+ characters/));
  });

  it('reports every problem in every file, not just the first', () => {
    const files = withFile('rules/test.yaml', GOOD_RULE.replace('category: topical', 'category: x'));
    const lexicon = files.find((f) => f.file === 'rules/lexicon.yaml') as RuleFile;
    const broken = [
      ...files.filter((f) => f !== lexicon),
      { ...lexicon, text: lexicon.text.replace('anchors:', 'anchorz:') },
    ];
    const found = problems(broken);
    expect(found.some((p) => p.startsWith('rules/test.yaml:3: unknown category'))).toBe(true);
    expect(found.some((p) => p.startsWith('rules/lexicon.yaml:'))).toBe(true);
  });

  it('reports a missing lexicon file', () => {
    expect(problems(shipped.filter((f) => !f.file.endsWith('lexicon.yaml')))).toContainEqual(
      expect.stringMatching(/lexicon\.yaml is missing/),
    );
  });
});
