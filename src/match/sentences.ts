/**
 * Sentence spans in folded text. A sentence ends at . ! ? or … followed by a space (so "1.5"
 * stays whole), at a hard break (U+2029, from DOM extraction) and at a bullet. A pipe-table row
 * stays one sentence, so the "reality" cell of a myth-versus-reality table is read with its myth.
 */
const END = /[.!?…]+["')\]]*(?= |$)|[\u2029•·]/g;

export type Span = readonly [start: number, end: number];

const QUESTION_MARK = 0x3f;

/**
 * A question of one to three words that asks nothing ("Belly fat?"), for `sentenceSpans` to
 * offer to `topic`.
 */
const SHORT_QUESTION =
  /^ *(?!(?:why|how|what|who|when|where|which|does|do|did|is|are|can|could|will|would|should)\b)(?:[\p{L}\p{N}'-]+ ){0,2}[\p{L}\p{N}'-]+\?$/u;

/**
 * `topic`: whether a short question names the topic of the sentence after it, as ads do
 * ("Belly fat? Gone in weeks."); such a question does not end its sentence.
 */
export function sentenceSpans(text: string, topic?: (question: string) => boolean): Span[] {
  const spans: Span[] = [];
  let start = 0;
  END.lastIndex = 0;
  for (let m = END.exec(text); m; m = END.exec(text)) {
    const end = m.index + m[0].length;
    if (topic && text.charCodeAt(m.index) === QUESTION_MARK && end < text.length) {
      const question = text.slice(start, end);
      if (SHORT_QUESTION.test(question) && topic(question)) continue;
    }
    if (end > start) spans.push([start, end]);
    start = end;
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

/** The span containing `offset`; spans are sorted and contiguous. */
export function spanAt(spans: readonly Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid] as Span;
    if (offset < span[0]) hi = mid - 1;
    else if (offset >= span[1]) lo = mid + 1;
    else return span;
  }
  return undefined;
}
