import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLabelled } from '../../../src/corpus/labelled';
import { covers, score } from '../../../src/corpus/score';
import { shippedMatcher } from '../../helpers/rules';

const corpus = parseLabelled(readFileSync(join(__dirname, '../../corpus/claims.jsonl'), 'utf8'));

describe('our labelled corpus', () => {
  it('is well formed, large enough and about half hard negatives', () => {
    expect(corpus.errors).toEqual([]);
    expect(corpus.items.length).toBeGreaterThanOrEqual(150);
    const negatives = corpus.items.filter((i) => !i.flag).length;
    expect(negatives / corpus.items.length).toBeGreaterThanOrEqual(0.45);
    expect(new Set(corpus.items.map((i) => i.id)).size).toBe(corpus.items.length);
  });

  it('is flagged with precision of at least 0.95 and recall of at least 0.90', () => {
    const result = score(corpus.items, (text) => shippedMatcher().match(text));
    const detail = [
      ...result.missed.map((i) => `missed ${i.id}: ${i.text}`),
      ...result.falseAlarms.map(({ item, found }) => `false alarm ${item.id}: ${item.text} (${found.join(', ')})`),
    ].join('\n');
    expect(result.precision, detail).toBeGreaterThanOrEqual(0.95);
    expect(result.recall, detail).toBeGreaterThanOrEqual(0.9);
  });

  it('gets the same claims, rules and spans from the naive baseline', async () => {
    const { createMatcher } = await import('../../../src/match/matcher');
    const { compiled } = await import('../../helpers/rules');
    const naive = createMatcher(compiled, { finder: 'naive' });
    const found = (m: { rule: string; start: number; end: number }[]) => m.map((x) => `${x.rule}@${x.start}-${x.end}`);
    const differ = corpus.items.filter(
      (i) => found(naive.match(i.text)).join() !== found(shippedMatcher().match(i.text)).join(),
    );
    expect(differ.map((i) => i.id)).toEqual([]);
  });
});

describe('scoring', () => {
  const item = (text: string, flag: boolean, cover: string[] = []) => ({ id: 'x', text, flag, cover, category: 'c' });

  it('counts a flagged text as caught only when a match overlaps a cover substring', () => {
    const text = 'Great mat. Melts belly fat fast.';
    expect(covers(item(text, true, ['Melts belly fat']), [{ start: 11, end: 26 }])).toBe(true);
    expect(covers(item(text, true, ['Melts belly fat']), [{ start: 0, end: 9 }])).toBe(false);
    expect(covers(item('fat fat', true, ['fat']), [{ start: 4, end: 7 }])).toBe(true); // any occurrence
  });

  it('computes precision and recall as the issue defines them', () => {
    const items = [
      item('a claim', true, ['claim']),
      item('b claim', true, ['claim']),
      item('no', false),
      item('fine', false),
    ];
    const found: Record<string, { start: number; end: number; text: string }[]> = {
      'a claim': [{ start: 2, end: 7, text: 'claim' }],
      'b claim': [],
      no: [{ start: 0, end: 2, text: 'no' }],
      fine: [],
    };
    const result = score(items, (t) => found[t] ?? []);
    expect(result.precision).toBe(0.5); // 1 caught, 1 false alarm
    expect(result.recall).toBe(0.5); // 1 of 2 flagged
    expect(result.categories.get('c')).toEqual({ total: 4, right: 2 });
  });

  it('reports malformed lines by number and keeps reading', () => {
    const { items, errors } = parseLabelled(
      '{"id":"1","text":"t","flag":false,"cover":[],"category":"c"}\n{oops\n{"id":"3","text":"t","flag":true,"cover":["x"],"category":"c"}\n',
    );
    expect(items).toHaveLength(1);
    expect(errors).toEqual([
      { line: 2, message: expect.stringMatching(/not valid JSON/) },
      { line: 3, message: 'cover "x" is not in the text (id 3)' },
    ]);
  });
});
