import { describe, expect, it } from 'vitest';
import { checkCues, spellings } from '../../../src/rules/check-cues';
import { loadRules, type RuleFile } from '../../../src/rules/load';
import { formatProblem } from '../../../src/rules/problems';
import { shippedRuleFiles, testRule } from '../../helpers/rule-files';

/** The cue problems of the shipped rules with one rule file added. */
function cueProblems(extra?: RuleFile): string[] {
  const loaded = loadRules(extra ? [...shippedRuleFiles, extra] : shippedRuleFiles);
  if (!loaded.set || !loaded.compiled) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return checkCues(loaded.set, loaded.compiled).map(formatProblem);
}

describe('cues', () => {
  it('spells out the plain parts of a cue and leaves the rest', () => {
    expect(spellings('(crunch|crunch machines?)')).toEqual(['crunch', 'crunch machines', 'crunch machine']);
    expect(spellings('(ab|core) (rollers?|wheel)')).toEqual([
      'ab rollers',
      'ab roller',
      'ab wheel',
      'core rollers',
      'core roller',
      'core wheel',
    ]);
    expect(spellings('(vibrat\\w*|vibe plates?|(?<!belly )vacuum)')).toEqual(['vibe plates', 'vibe plate']);
  });

  it('finds no shipped cue cut short by another', () => {
    expect(cueProblems()).toEqual([]);
  });

  it('reports a cue that a shorter one listed before it cuts short, at its line', () => {
    // "heat" (the sweat wraps' cue, and this rule's own) is found first at "heat pads".
    expect(cueProblems({ file: 'rules/test.yaml', text: testRule({ cues: ['(heat|heat pads?)'] }) })).toEqual([
      'rules/test.yaml:13: cue "heat pads" is cut short by the cue "heat" of sweat-wrap-melts-fat, which comes first: list the longer one first',
    ]);
  });
});
