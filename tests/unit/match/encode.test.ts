import { describe, expect, it } from 'vitest';
import { createEncoder } from '../../../src/match/encode';
import { NUMBER, OTHER } from '../../../src/rules/word-regex';

const FIRST = 0xe010;
const code = (index: number) => String.fromCharCode(FIRST + index);

describe('encoder', () => {
  it('tells apart words whose char codes hash alike', () => {
    // "acn", "ae0" and "c'0" have the same hash in the encoder's word lookup.
    const encode = createEncoder(['acn', "c'0"], FIRST);
    expect(encode("acn ae0 c'0").text).toBe(`${code(0)} ${OTHER} ${code(1)}`);
  });

  it('encodes each word, number and mark, with where each came from', () => {
    const encode = createEncoder(['melts', 'belly', 'fat'], FIRST);
    const encoded = encode('melts belly-fat in 1,000 ways!');
    expect(encoded.text).toBe(`${code(0)} ${code(1)} ${code(2)} ${OTHER} ${NUMBER} ${OTHER} !`);
    const words = encoded.text.split(' ');
    const at = (i: number) => (encoded.starts[i * 2] ?? 0) as number;
    expect(words.map((_, i) => 'melts belly-fat in 1,000 ways!'.slice(at(i), encoded.ends[i * 2]))).toEqual([
      'melts',
      'belly',
      'fat',
      'in',
      '1,000',
      'ways',
      '!',
    ]);
  });
});
