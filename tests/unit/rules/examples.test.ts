import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../src/match/matcher';
import { checkExamples } from '../../../src/rules/check-examples';
import { loadRulesAt } from '../../../src/rules/read-folder';
import { CATEGORIES } from '../../../src/rules/types';

const loaded = loadRulesAt();
const set = loaded.set;
if (!set || !loaded.compiled) throw new Error(`rules do not load: ${JSON.stringify(loaded.problems)}`);
const matcher = createMatcher(loaded.compiled);

describe('every rule', () => {
  it.each(set.rules.map((rule) => [rule.id, rule] as const))(
    '%s: its examples match and its counter-examples do not',
    (_, rule) => {
      const problems = checkExamples({ ...set, rules: [rule] }, matcher);
      expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
    },
  );

  it.each(set.rules.map((rule) => [rule.id, rule] as const))('%s: cites a source document and evidence', (_, rule) => {
    expect(rule.evidence.documents.length).toBeGreaterThan(0);
    expect(rule.evidence.references.length).toBeGreaterThan(0);
  });

  it('words verdicts without medical claims of impossibility', () => {
    for (const rule of set.rules) {
      expect(`${rule.verdict} ${rule.rebuttal}`).not.toMatch(/physically impossible|cure|diagnos/i);
    }
  });
});

describe('coverage of the myths in the source documents', () => {
  it('has a rule in every category', () => {
    const used = new Set(set.rules.map((r) => r.category));
    for (const category of CATEGORIES) expect(used.has(category), category).toBe(true);
  });

  // One claim per myth the documents debunk (and the look-alike products the issue lists).
  it.each([
    ['crunches burning belly fat', 'Crunches burn belly fat.'],
    ['thigh training slimming the thighs', 'Leg lifts melt inner thigh fat.'],
    ['arm training slimming the arms', 'Tricep dips torch the fat on your arms.'],
    ['a fat-burning exercise per area', 'There is a fat-burning exercise for each body part.'],
    ['creams melting local fat', 'This cream melts belly fat.'],
    ['wraps melting local fat', 'The body wrap melts away thigh fat.'],
    ['sweating an area to lose its fat', 'Sweat out belly fat in 30 minutes.'],
    ['vibrating belts', 'The vibrating belt shakes off tummy fat.'],
    ['ab electro-stimulators', 'The EMS belt burns belly fat while you relax.'],
    ['neoprene and sauna garments', 'Neoprene shorts melt thigh fat.'],
    ['running targeting buttocks fat', 'Running burns buttocks fat.'],
    ['stubborn-fat programs for one area', 'Our plan targets stubborn fat.'],
    ['fat loss from wearing or rubbing', 'Lose fat just by wearing it.'],
    ['home cavitation, RF and cryo gadgets', 'The cavitation machine melts fat from your arms.'],
    ['belly-fat pills and teas', 'These capsules target belly fat.'],
  ])('covers %s', (_, claim) => {
    expect(matcher.match(claim), claim).not.toEqual([]);
  });
});
