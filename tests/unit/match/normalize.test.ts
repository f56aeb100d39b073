import { describe, expect, it } from 'vitest';
import { BREAK, normalize, toOriginal } from '../../../src/match/normalize';

/** Folds `text` and maps the folded span of `needle` back to the original. */
function roundTrip(text: string, needle: string): string {
  const norm = normalize(text);
  const at = norm.text.indexOf(needle);
  expect(at, `"${needle}" in "${norm.text}"`).toBeGreaterThanOrEqual(0);
  const [start, end] = toOriginal(norm, at, at + needle.length);
  return text.slice(start, end);
}

describe('normalize', () => {
  it('lower-cases and collapses every kind of space', () => {
    expect(normalize('  MELTS\u00a0\u00a0Belly\tFAT\n\n').text).toBe('melts belly fat');
    expect(normalize('belly\u2003fat\u202fnow').text).toBe('belly fat now');
  });

  it('drops soft hyphens and joiners inside words, but a zero-width space separates words', () => {
    expect(normalize('bel\u00adly fa\u200dt').text).toBe('belly fat');
    expect(normalize('hip\u200bfat').text).toBe('hip fat');
  });

  it('folds dashes to a hyphen and quotes to spaces, keeping apostrophes inside words', () => {
    expect(normalize('belly\u2013fat \u2014 fast').text).toBe('belly-fat - fast');
    expect(normalize('won\u2019t \u201cmelt\u201d \u2018fat\u2019').text).toBe("won't melt fat");
    expect(normalize("'shake off' tummy fat").text).toBe('shake off tummy fat');
  });

  it('turns emoji and icon-font glyphs into separators', () => {
    expect(normalize('melts\u{1F525}belly fat').text).toBe('melts belly fat');
    expect(normalize('fat\ue001loss').text).toBe('fat loss');
  });

  it('reads styled, full-width and accented letters as plain ones', () => {
    expect(normalize('\u{1d5ef}\u{1d5f2}\u{1d5f9}\u{1d5f9}\u{1d606}').text).toBe('belly');
    expect(normalize('\uff26\uff21\uff34').text).toBe('fat');
    expect(normalize('cre\u0300me bru\u0302le\u0301e').text).toBe('creme brulee');
  });

  it('keeps hard breaks as sentence boundaries', () => {
    expect(normalize(`melts${BREAK}belly fat`).text).toBe(`melts${BREAK}belly fat`);
  });

  it('maps folded spans back to the original UTF-16 offsets', () => {
    expect(roundTrip('\u{1F525}\u{1F525} MELTS\u00a0Belly-Fat!', 'melts belly-fat')).toBe('MELTS\u00a0Belly-Fat');
    expect(roundTrip('x \u{1d5ef}\u{1d5f2}\u{1d5f9}\u{1d5f9}\u{1d606} y', 'belly')).toBe(
      '\u{1d5ef}\u{1d5f2}\u{1d5f9}\u{1d5f9}\u{1d606}',
    );
    expect(roundTrip('Bur\u00adns bel\u00adly fat', 'burns belly fat')).toBe('Bur\u00adns bel\u00adly fat');
  });

  it('maps back across plain runs, ligatures and folded spaces', () => {
    // "ﬁ" folds to two characters that both came from one; plain text runs on either side
    expect(roundTrip('Get \ufb01t: melts belly fat fast', 'fit: melts')).toBe('\ufb01t: melts');
    expect(roundTrip('Get \ufb01t: melts belly fat fast', 'belly fat')).toBe('belly fat');
    expect(roundTrip('\ufb01t', 'i')).toBe('\ufb01');
    // a run of separators is one space; the claim ends before the trailing ones
    expect(roundTrip('Zaps  \t\n thigh fat \u00a0 ', 'zaps thigh fat')).toBe('Zaps  \t\n thigh fat');
    const norm = normalize('fat  ');
    expect(toOriginal(norm, norm.text.length, norm.text.length)).toEqual([5, 5]);
  });
});
