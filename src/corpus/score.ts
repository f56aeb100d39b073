import type { LabelledText } from './labelled';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Scored {
  readonly caught: readonly LabelledText[];
  readonly missed: readonly LabelledText[];
  readonly falseAlarms: readonly { readonly item: LabelledText; readonly found: readonly string[] }[];
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Per labelled category: how many texts, how many scored right. */
  readonly categories: ReadonlyMap<string, { readonly total: number; readonly right: number }>;
}

/** True when some match overlaps some occurrence of some cover substring. */
export function covers(item: LabelledText, matches: readonly Span[]): boolean {
  return item.cover.some((cover) => {
    for (let at = item.text.indexOf(cover); at >= 0; at = item.text.indexOf(cover, at + 1)) {
      const end = at + cover.length;
      if (matches.some((m) => m.start < end && m.end > at)) return true;
    }
    return false;
  });
}

/**
 * Scores a matcher on labelled texts: a flagged text is caught when a match overlaps one of its
 * cover substrings; an unflagged text with any match is a false alarm.
 * precision = caught / (caught + false alarms); recall = caught / flagged texts.
 */
export function score(
  items: readonly LabelledText[],
  find: (text: string) => readonly (Span & { text: string })[],
): Scored {
  const caught: LabelledText[] = [];
  const missed: LabelledText[] = [];
  const falseAlarms: { item: LabelledText; found: string[] }[] = [];
  const categories = new Map<string, { total: number; right: number }>();
  for (const item of items) {
    const matches = find(item.text);
    const right = item.flag ? covers(item, matches) : matches.length === 0;
    if (item.flag) (right ? caught : missed).push(item);
    else if (!right) falseAlarms.push({ item, found: matches.map((m) => m.text) });
    const tally = categories.get(item.category) ?? { total: 0, right: 0 };
    categories.set(item.category, { total: tally.total + 1, right: tally.right + (right ? 1 : 0) });
  }
  const precision = ratio(caught.length, caught.length + falseAlarms.length);
  const recall = ratio(caught.length, caught.length + missed.length);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { caught, missed, falseAlarms, precision, recall, f1, categories };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}
