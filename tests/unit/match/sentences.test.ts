import { describe, expect, it } from 'vitest';
import { BREAK } from '../../../src/match/normalize';
import { sentenceSpans, spanAt } from '../../../src/match/sentences';

const texts = (text: string, topic?: (question: string) => boolean) =>
  sentenceSpans(text, topic).map(([s, e]) => text.slice(s, e).trim());

describe('sentences', () => {
  it('splits at end punctuation followed by a space, not inside numbers', () => {
    expect(texts('lost 1.5 inches. wow! really? yes')).toEqual(['lost 1.5 inches.', 'wow!', 'really?', 'yes']);
  });

  it('splits at hard breaks and bullets but keeps a table row whole', () => {
    expect(texts(`a b${BREAK}c d • e`)).toEqual(['a b', 'c d •', 'e']);
    expect(texts('| crunches remove belly fat | no, only a deficit does |')).toHaveLength(1);
  });

  it('reads a short question that names its topic with the sentence after it, when asked to', () => {
    const namesFat = (question: string) => question.includes('fat');
    expect(texts('belly fat? gone in weeks. really? yes', namesFat)).toEqual([
      'belly fat? gone in weeks.',
      'really?',
      'yes',
    ]);
    // a real question, a long one, or one at the end of the text still ends its sentence
    expect(texts('does it burn fat? no.', namesFat)).toEqual(['does it burn fat?', 'no.']);
    expect(texts('what about my stubborn belly fat? try this.', namesFat)).toHaveLength(2);
    expect(texts('so, belly fat?', namesFat)).toEqual(['so, belly fat?']);
    expect(texts('belly fat? gone.')).toEqual(['belly fat?', 'gone.']);
  });

  it('finds the span holding an offset', () => {
    const spans = sentenceSpans('one. two. three.');
    expect(spanAt(spans, 6)).toEqual(spans[1]);
    expect(spanAt(spans, 99)).toBeUndefined();
  });
});
