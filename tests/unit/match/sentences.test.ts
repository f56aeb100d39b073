import { describe, expect, it } from 'vitest';
import { BREAK } from '../../../src/match/normalize';
import { sentenceSpans, spanAt } from '../../../src/match/sentences';

const texts = (text: string) => sentenceSpans(text).map(([s, e]) => text.slice(s, e).trim());

describe('sentences', () => {
  it('splits at end punctuation followed by a space, not inside numbers', () => {
    expect(texts('lost 1.5 inches. wow! really? yes')).toEqual(['lost 1.5 inches.', 'wow!', 'really?', 'yes']);
  });

  it('splits at hard breaks and bullets but keeps a table row whole', () => {
    expect(texts(`a b${BREAK}c d • e`)).toEqual(['a b', 'c d •', 'e']);
    expect(texts('| crunches remove belly fat | no, only a deficit does |')).toHaveLength(1);
  });

  it('finds the span holding an offset', () => {
    const spans = sentenceSpans('one. two. three.');
    expect(spanAt(spans, 6)).toEqual(spans[1]);
    expect(spanAt(spans, 99)).toBeUndefined();
  });
});
