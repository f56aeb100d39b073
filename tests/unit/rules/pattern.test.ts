import { describe, expect, it } from 'vitest';
import { phraseNounForms, phraseVerbForms, verbForms } from '../../../src/rules/inflect';
import { compilePattern, PatternError, splitHead, tokenize } from '../../../src/rules/pattern';
import { wordsToRegex } from '../../../src/rules/trie';

const classes: Record<string, string> = { verb: '(?:melts?|burns?)', area: '(?:belly|thighs?)', det: '(?:the|your)' };
const lookup = (name: string) => classes[name];
const matches = (pattern: string, text: string) => new RegExp(`^(?:${compilePattern(pattern, lookup)})$`).test(text);

describe('the pattern language', () => {
  it('lets a space match a space or a hyphen', () => {
    expect(matches('{area} fat', 'belly fat')).toBe(true);
    expect(matches('{area} fat', 'belly-fat')).toBe(true);
    expect(matches('{area} fat', 'bellyfat')).toBe(false);
  });

  it('makes {name?} and (group)? optional without leaving a double separator', () => {
    expect(matches('{verb} {det?} {area} fat', 'melts belly fat')).toBe(true);
    expect(matches('{verb} {det?} {area} fat', 'melts your belly fat')).toBe(true);
    expect(matches('{verb} (the )? {area} fat', 'melts the belly fat')).toBe(true);
    expect(matches('{verb} (the )? {area} fat', 'melts belly fat')).toBe(true);
  });

  it('allows up to N other words for ~N, never a negation', () => {
    expect(matches('{verb} ~2 fat', 'melts stubborn belly fat')).toBe(true);
    expect(matches('{verb} ~2 fat', 'melts all that stubborn fat')).toBe(false);
    expect(matches('{verb} ~2 fat', 'melts not fat')).toBe(false);
  });

  it('keeps groups from capturing and character classes as written', () => {
    const source = compilePattern('(melt|burn)[s ]? fat', lookup);
    expect(new RegExp(`${source}|`).exec('')?.length).toBe(1);
    expect(source).toContain('[s ]');
  });

  it('rejects what it cannot compile, with a reason', () => {
    expect(() => compilePattern('(melts fat', lookup)).toThrow(PatternError);
    expect(() => compilePattern('{nope} fat', lookup)).toThrow(/unknown word class/);
    expect(() => compilePattern('melts ~9 fat', lookup)).toThrow(/gap is ~1 to ~4/);
    expect(() => compilePattern('{det?}', lookup)).toThrow(/at least one required/);
  });

  it('splits on top-level spaces only, and finds a leading class', () => {
    expect(tokenize('a (b c) {d} [e f]')).toEqual(['a', '(b c)', '{d}', '[e f]']);
    expect(splitHead('{verb} ~2 fat')).toEqual({ head: 'verb', rest: '~2 fat' });
    expect(splitHead('melts {area}')).toBeUndefined();
  });
});

describe('word forms', () => {
  it('inflects verbs, including doubled consonants, e-endings and irregular forms', () => {
    expect(verbForms('melt')).toEqual(expect.arrayContaining(['melt', 'melts', 'melted', 'melting']));
    expect(verbForms('zap')).toEqual(expect.arrayContaining(['zaps', 'zapped', 'zapping']));
    expect(verbForms('dissolve')).toEqual(expect.arrayContaining(['dissolves', 'dissolved', 'dissolving']));
    expect(verbForms('liquefy')).toEqual(expect.arrayContaining(['liquefies', 'liquefied', 'liquefying']));
    expect(verbForms('flush')).toContain('flushes');
    expect(verbForms('zero')).toContain('zeroes');
    expect(phraseVerbForms('break down', new Map([['break', ['broke']]]))).toContain('broke down');
  });

  it('pluralises the last word of a noun phrase', () => {
    expect(phraseNounForms('love handle', new Map())).toEqual(['love handle', 'love handles']);
    expect(phraseNounForms('belly', new Map())).toEqual(['belly', 'bellies']);
    expect(phraseNounForms('calf', new Map([['calf', ['calves']]]))).toContain('calves');
  });

  it('compiles word lists to a prefix-sharing regex that matches exactly the words', () => {
    const words = ['burn', 'burns', 'burned', 'get rid of', 'a.b'];
    const source = wordsToRegex(words, '[ -]');
    expect(source.length).toBeLessThan(words.join('|').length + 10);
    const exact = new RegExp(`^(?:${source})$`);
    for (const word of words) expect(exact.test(word), word).toBe(true);
    expect(exact.test('get-rid of')).toBe(true);
    for (const word of ['bur', 'burnt', 'axb', 'get rid']) expect(exact.test(word), word).toBe(false);
  });
});
