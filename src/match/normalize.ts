/**
 * Folds real page text into a predictable form for matching, and remembers where every folded
 * character came from, so matches are reported in the caller's own UTF-16 offsets.
 *
 * Folding: lower case; every dash to "-"; soft hyphens, zero-width joiners, variation selectors
 * and combining accents removed; every kind of whitespace (the zero-width space included), line
 * breaks, emoji, quotation marks and emphasis marks (* _ ~) become one space; an apostrophe is
 * kept (as ') only inside a word, as in "don't"; styled Unicode letters (𝗯𝗼𝗹𝗱, ｆｕｌｌｗｉｄｔｈ) and
 * ligatures become plain ones. U+2029 (paragraph separator) is kept: DOM extraction puts it
 * where a <br> or another hard break was, and the matcher ends a sentence there.
 */
export interface Normalized {
  /** The folded text. */
  readonly text: string;
  /**
   * Where folded characters came from, as runs: pairs of (folded index, original index), each
   * run going on one for one up to the next. A run of plain text is one pair, not one per
   * character: most page text is plain.
   */
  readonly runs: readonly number[];
  readonly source: string;
}

export const BREAK = '\u2029';

// U+200B (zero-width space) marks a break between words, so it folds to a space (below);
// soft hyphens, joiners and direction marks sit inside words and are dropped.
const REMOVED =
  /^(?:[\u00ad\u061c\u115f\u1160\u180e\u200c-\u200f\u202a-\u202e\u2060-\u206f\ufeff\u{e0000}-\u{e007f}]|\p{Mn})$/u;
const SPACE = /^[\s\u00a0\u1680\u2000-\u200b\u2028\u202f\u205f\u3000]$/;
const DASH = /^[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]$/;
const SINGLE_QUOTE = /^[\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u00b4\uff07]$/;
const DOUBLE_QUOTE = /^[\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u301d\u301e\uff02]$/;
// Private-use characters are icon-font glyphs on real pages; they also must never pass for the
// matcher's phrase markers, which live in that range.
const PICTOGRAPH = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\p{Co})$/u;

/** Characters that can hide a word from a plain search of the raw text (see the filters). */
export const HIDES_WORDS = /[\u00ad\u200b-\u200d\u2060\ufeff\ud835\uff21-\uff5a\ufb00-\ufb06]/;

/**
 * Folded non-ASCII characters, remembered: a page repeats the same few (stars, dashes, curly
 * quotes), and each first fold costs several Unicode-property tests.
 */
const folds = new Map<string, string>();

function foldOther(ch: string): string {
  let folded = folds.get(ch);
  if (folded === undefined) {
    folded = foldOnce(ch);
    if (folds.size < 4096) folds.set(ch, folded);
  }
  return folded;
}

/** Fold one non-ASCII code point: "" drops it, " " makes it a separator. */
function foldOnce(ch: string): string {
  if (ch === BREAK) return BREAK;
  if (REMOVED.test(ch)) return '';
  if (SPACE.test(ch)) return ' ';
  if (DASH.test(ch)) return '-';
  if (SINGLE_QUOTE.test(ch)) return "'";
  if (DOUBLE_QUOTE.test(ch)) return ' ';
  if (PICTOGRAPH.test(ch)) return ' ';
  // NFKD turns styled letters and ligatures into plain ones and splits accents off; the accents
  // are then dropped. Anything that is still not plain text is kept, lower-cased.
  const plain = ch
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return plain.length > 0 ? plain : ch;
}

/** True for ASCII characters that fold to themselves (or to themselves lower-cased). */
function isPlainAscii(code: number): boolean {
  // not: space, " ' * _ ` ~ (handled one by one)
  return (
    code > 0x20 &&
    code < 0x7f &&
    code !== 0x22 &&
    code !== 0x27 &&
    code !== 0x2a &&
    code !== 0x5f &&
    code !== 0x60 &&
    code !== 0x7e
  );
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Folds an ASCII character that is not plain (quotes and emphasis marks): a separator. */
function foldAscii(_code: number): string {
  return ' ';
}

/** The folded text so far, with where each folded character came from. */
interface Folding {
  readonly parts: string[];
  readonly runs: number[];
  /** Folded characters so far. */
  length: number;
  lastWasSpace: boolean;
}

/** Appends the folding of the character at `from`, one space for any run of separators. */
function push(state: Folding, folded: string, from: number): void {
  for (let k = 0; k < folded.length; k++) {
    const ch = folded[k] as string;
    if (ch === ' ') {
      if (state.lastWasSpace) continue;
      state.lastWasSpace = true;
    } else {
      state.lastWasSpace = ch === BREAK;
    }
    state.parts.push(ch);
    state.runs.push(state.length++, from);
  }
}

export function normalize(source: string): Normalized {
  // Module-level helpers rather than closures: this runs once per block that passed the filters.
  const state: Folding = { parts: [], runs: [], length: 0, lastWasSpace: true };
  const parts = state.parts;

  let i = 0;
  while (i < source.length) {
    // Copy a run of plain ASCII in one go: most page text is exactly that. Single spaces
    // between plain characters belong to the run; others are folded one by one below.
    const runStart = i;
    while (i < source.length) {
      const code = source.charCodeAt(i);
      if (isPlainAscii(code)) i++;
      else if (
        code === 0x20 &&
        i > runStart &&
        isPlainAscii(source.charCodeAt(i - 1)) &&
        isPlainAscii(source.charCodeAt(i + 1))
      )
        i++;
      else break;
    }
    if (i > runStart) {
      parts.push(source.slice(runStart, i).toLowerCase());
      state.runs.push(state.length, runStart);
      state.length += i - runStart;
      state.lastWasSpace = false;
      if (i >= source.length) break;
    }
    const code = source.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    let folded = code < 0x80 ? foldAscii(code) : foldOther(source.slice(i, i + width));
    if (folded === "'" || code === 0x27 || code === 0x60) {
      // Only an apostrophe inside a word survives; a quote mark around words is a separator.
      const previous = parts.length > 0 ? (parts[parts.length - 1] as string).slice(-1) : '';
      const next = source.slice(i + width, i + width + 2);
      folded = WORD_CHAR.test(previous) && WORD_CHAR.test(String.fromCodePoint(next.codePointAt(0) ?? 32)) ? "'" : ' ';
    }
    push(state, folded, i);
    i += width;
  }
  let text = parts.join('');
  // A trailing separator is always a run of its own (plain runs never end in a space).
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    state.runs.length -= 2;
  }
  return { text, runs: state.runs, source };
}

/** The original index of folded character `index`. */
function originalAt(norm: Normalized, index: number): number {
  const { runs } = norm;
  if (index >= norm.text.length) return norm.source.length;
  let lo = 0;
  let hi = runs.length / 2 - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((runs[mid * 2] as number) <= index) lo = mid;
    else hi = mid - 1;
  }
  return (runs[lo * 2 + 1] as number) + index - (runs[lo * 2] as number);
}

/** The original [start, end) of folded [start, end). */
export function toOriginal(norm: Normalized, start: number, end: number): [number, number] {
  const from = originalAt(norm, start);
  if (end <= start) return [from, from];
  const last = originalAt(norm, end - 1);
  const width = (norm.source.codePointAt(last) ?? 0) > 0xffff ? 2 : 1;
  return [from, last + width];
}
