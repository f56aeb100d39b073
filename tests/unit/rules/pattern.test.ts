import { describe, expect, it } from 'vitest';
import { createEncoder } from '../../../src/match/encode';
import { Needs } from '../../../src/match/needs';
import { phraseFinders, replacePhrases } from '../../../src/match/phrases';
import { phraseNounForms, phraseVerbForms, verbForms } from '../../../src/rules/inflect';
import { compilePattern, PatternError, tokenize } from '../../../src/rules/pattern';
import { wordsToRegex } from '../../../src/rules/trie';
import type { Lexicon, WordClass } from '../../../src/rules/types';
import { parseWordPattern, PatternError as WordPatternError } from '../../../src/rules/word-pattern';
import { FIRST_WORD, WordPatternCompiler } from '../../../src/rules/word-regex';

function lexicon(classes: Record<string, { words?: string[]; pattern?: string; phrase?: boolean }>): Lexicon {
  const map = new Map<string, WordClass>();
  for (const [name, c] of Object.entries(classes)) {
    map.set(name, {
      name,
      words: c.words ?? [],
      phrase: c.phrase ?? false,
      where: { file: 't', line: 1 },
      ...(c.pattern ? { pattern: c.pattern } : {}),
    });
  }
  return { classes: map, anchors: ['fat'], where: { file: 't', line: 1 } };
}

const LEXICON = lexicon({
  verb: { words: ['melts', 'burns', 'get rid of'] },
  area: { words: ['belly', 'thighs', 'love handles'] },
  negator: { words: ['not', "don't"] },
  local: { pattern: '{area} fat', phrase: true },
});

/** Does the word pattern match the whole of `sentence` (already folded)? */
function matches(pattern: string, sentence: string, others: string[] = []): boolean {
  const sequences = [pattern, ...others].map(parseWordPattern);
  const compiler = new WordPatternCompiler(LEXICON, sequences);
  const source = compiler.compile(sequences[0] as (typeof sequences)[0]);
  const encode = createEncoder(compiler.vocabulary, FIRST_WORD);
  const encoded = replacePhrases(encode(sentence), phraseFinders(compiler.phrases()));
  return new RegExp(`^(?:${source})$`).test(encoded.text);
}

describe('claim patterns (words)', () => {
  it('matches words and classes separated by a space or an in-word hyphen', () => {
    expect(matches('{verb} {area} fat', 'melts belly fat')).toBe(true);
    expect(matches('{verb} {area} fat', 'melts belly-fat')).toBe(true);
    expect(matches('{verb} {area} fat', 'get rid of love handles fat')).toBe(true);
    expect(matches('{verb} {area} fat', 'melts bellyfat')).toBe(false);
    expect(matches('{verb} {area} fat', 'melts belly - fat')).toBe(false); // a spaced dash is punctuation
  });

  it('supports optional words and letters, alternatives and repeats', () => {
    expect(matches('{verb} (the)? {area} fat', 'melts the belly fat')).toBe(true);
    expect(matches('{verb} (the)? {area} fat', 'melts belly fat')).toBe(true);
    expect(matches('fat (creams?|gels?)', 'fat creams')).toBe(true);
    expect(matches('fat (creams?|gels?)', 'fat gel')).toBe(true);
    expect(matches('{area} (, {area})* fat', 'belly , thighs , belly fat')).toBe(true);
    expect(matches('(six|6)-pack abs', '6-pack abs')).toBe(true);
  });

  it('allows up to N other words for ~N, never a negation or punctuation', () => {
    expect(matches('{verb} ~2 fat', 'melts stubborn belly fat')).toBe(true);
    expect(matches('{verb} ~2 fat', 'melts all that stubborn fat')).toBe(false);
    expect(matches('{verb} ~2 fat', 'melts not fat')).toBe(false);
    expect(matches('{verb} ~2 fat', 'melts , fat')).toBe(false);
  });

  it('checks the words that follow with (?= ) and (?! )', () => {
    expect(matches('belly (?! button)', 'belly')).toBe(true);
    expect(new RegExp(compileOne('belly (?! button)')).test(encodeOne('belly button'))).toBe(false);
  });

  it('reads \\? as a question mark, and ? alone as making what it follows optional', () => {
    expect(matches('{local} \\? gone', 'belly fat ? gone')).toBe(true);
    expect(matches('{local} \\? gone', 'belly fat gone')).toBe(false);
    expect(matches('fat (gone)?', 'fat')).toBe(true);
  });

  it('reads numbers as one token', () => {
    expect(matches('lost {number} inches', 'lost 1.5 inches')).toBe(true);
    expect(matches('lost {number} inches', 'lost 1,000 inches')).toBe(true);
    // a number that another pattern names as a word ("6 pack") is still a number
    expect(matches('lost {number} inches', 'lost 6 inches', ['6 pack abs'])).toBe(true);
  });

  it('treats a phrase class as one token', () => {
    expect(matches('{verb} {local}', 'burns thighs fat')).toBe(true);
    expect(matches('{verb} ~1 {local}', 'burns the belly fat')).toBe(true);
  });

  it('rejects what it cannot compile, saying where', () => {
    expect(() => parseWordPattern('(melts fat')).toThrow(WordPatternError);
    expect(() => parseWordPattern('melts ~9 fat')).toThrow(/gap is ~1 to ~4/);
    expect(() => parseWordPattern('melts~2 fat')).toThrow(/must stand alone/);
    expect(() => parseWordPattern('vibrat\\w* fat')).toThrow(/not allowed in a word pattern/);
    expect(() => parseWordPattern('melts [abc] fat')).toThrow(/at column 7/);
    expect(() => new WordPatternCompiler(LEXICON, [parseWordPattern('{nope} fat')])).toThrow(
      /unknown word class \{nope\}/,
    );
    expect(() => matches('(the)?', 'the')).toThrow(/not optional/);
  });

  it('proves whether a pattern can match without an anchor word', () => {
    const compiler = new WordPatternCompiler(LEXICON, []);
    const stems = [/(?<![a-z0-9])fat/i, /(?<![a-z0-9])spot[\s-]*reduc/i];
    const anchored = (p: string) => compiler.anchored(parseWordPattern(p), stems);
    expect(anchored('melts belly fat')).toBe(true);
    expect(anchored('melts belly (fat)?')).toBe(false);
    expect(anchored('melts (fat|flab)')).toBe(false);
    expect(anchored('spot (reduce|reduction)')).toBe(true); // a stem across two words
    expect(anchored('melts {local}')).toBe(true); // through the class
    expect(anchored('melts {area}')).toBe(false);
  });

  it('knows which words any match needs, so sentences without them skip the pattern', () => {
    const patterns = ['{verb} (the)? ~1 {local}', '(melts|burns fast) {number} ,'];
    const sequences = patterns.map(parseWordPattern);
    const compiler = new WordPatternCompiler(LEXICON, sequences);
    const needs = new Needs(sequences.map((s) => compiler.needs(s)));
    const encode = createEncoder(compiler.vocabulary, FIRST_WORD);
    const finders = phraseFinders(compiler.phrases());
    const possible = (sentence: string) => {
      const found = needs.possible(replacePhrases(encode(sentence), finders).text);
      return [0, 1].map((pattern) => found.includes(pattern));
    };
    expect(possible('melts belly fat')).toEqual([true, false]);
    expect(possible('get rid of your thighs fat')).toEqual([true, false]); // optional words and gaps need nothing
    expect(possible('melts the cake')).toEqual([false, false]); // no phrase
    expect(possible('the belly fat is here')).toEqual([false, false]); // no verb
    expect(possible('burns 3 ,')).toEqual([false, true]); // an alternative needs its first word
    expect(possible('fast 3 ,')).toEqual([false, false]);
    expect(possible('melts 3 kg')).toEqual([false, false]); // punctuation counts too
    // every possible pattern, in pattern order; one that needs nothing always
    expect(needs.possible(replacePhrases(encode('burns 3 , melts belly fat'), finders).text)).toEqual([0, 1]);
    expect(new Needs([['ab'], []]).possible('xyz')).toEqual([1]);
    // and they never rule out a sentence the pattern matches
    const first = new RegExp(compiler.compile(sequences[0] as (typeof sequences)[0]));
    for (const sentence of ['melts belly fat', 'burns the thighs fat', 'get rid of your thighs fat']) {
      expect(first.test(replacePhrases(encode(sentence), finders).text)).toBe(true);
      expect(possible(sentence)[0]).toBe(true);
    }
  });
});

function compileOne(pattern: string): string {
  const sequence = parseWordPattern(pattern);
  return `^(?:${new WordPatternCompiler(LEXICON, [sequence]).compile(sequence)})$`;
}

function encodeOne(sentence: string): string {
  const compiler = new WordPatternCompiler(LEXICON, [parseWordPattern('belly (?! button)')]);
  return createEncoder(compiler.vocabulary, FIRST_WORD)(sentence).text;
}

describe('cue and context patterns (folded text)', () => {
  const classes: Record<string, string> = { verb: '(?:melts?|burns?)', det: '(?:the|your)' };
  const lookup = (name: string) => classes[name];
  const letters = (pattern: string, text: string) => new RegExp(`^(?:${compilePattern(pattern, lookup)})$`).test(text);

  it('lets a space match a space or a hyphen, and keeps regex for stems', () => {
    expect(letters('{verb} fat', 'melts-fat')).toBe(true);
    expect(letters('vibrat\\w* plate', 'vibrating plate')).toBe(true);
    expect(letters('{verb} {det?} fat', 'melts fat')).toBe(true);
  });

  it('rejects what it cannot compile', () => {
    expect(() => compilePattern('(melts fat', lookup)).toThrow(PatternError);
    expect(() => compilePattern('{nope} fat', lookup)).toThrow(/unknown word class/);
    expect(tokenize('a (b c) {d} [e f]')).toEqual(['a', '(b c)', '{d}', '[e f]']);
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

  it('compiles word lists for folded text to a prefix-sharing regex that matches exactly the words', () => {
    const words = ['burn', 'burns', 'burned', 'get rid of', 'a.b'];
    const source = wordsToRegex(words, '[ -]');
    expect(source.length).toBeLessThan(words.join('|').length + 10);
    const exact = new RegExp(`^(?:${source})$`);
    for (const word of words) expect(exact.test(word), word).toBe(true);
    expect(exact.test('get-rid of')).toBe(true);
    for (const word of ['bur', 'burnt', 'axb', 'get rid']) expect(exact.test(word), word).toBe(false);
  });
});
