import { NUMBER, OTHER } from '../rules/word-regex';

/**
 * A sentence encoded for the claim patterns: one character per word (its vocabulary code, or
 * OTHER, or NUMBER), punctuation as itself, tokens joined by single spaces. A hyphen between two
 * words separates them like a space ("belly-fat" is "belly fat"); any other hyphen or dash is
 * punctuation, so a claim never runs across " – ".
 */
export interface Encoded {
  readonly text: string;
  /** Where encoded character i starts and ends in the sentence. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

const WORD = /[\p{L}\p{N}']/u;
const DIGITS = /^\d+$/;

/** a-z, 0-9 and the apostrophe by their codes; anything beyond ASCII by the Unicode classes. */
function isWordCode(code: number, text: string, i: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x27;
  return WORD.test(text[i] as string);
}

export type Encoder = (sentence: string) => Encoded;

export function createEncoder(vocabulary: readonly string[], firstCode: number): Encoder {
  const codes = new Map(vocabulary.map((word, i) => [word, String.fromCharCode(firstCode + i)]));
  return (sentence) => {
    // At most one token and one space per sentence character.
    const starts = new Int32Array(sentence.length * 2);
    const ends = new Int32Array(sentence.length * 2);
    let text = '';
    const push = (char: string, start: number, end: number) => {
      if (text.length > 0) {
        starts[text.length] = start;
        ends[text.length] = start;
        text += ' ';
      }
      starts[text.length] = start;
      ends[text.length] = end;
      text += char;
    };
    const isWord = (i: number) => i >= 0 && i < sentence.length && isWordCode(sentence.charCodeAt(i), sentence, i);
    let i = 0;
    while (i < sentence.length) {
      const ch = sentence[i] as string;
      if (ch === ' ') {
        i++;
      } else if (isWord(i)) {
        const start = i;
        while (i < sentence.length) {
          if (isWord(i)) i++;
          // 1.5 and 1,000 stay one number
          else if (
            (sentence[i] === '.' || sentence[i] === ',') &&
            /\d/.test(sentence[i - 1] ?? '') &&
            /\d/.test(sentence[i + 1] ?? '')
          )
            i++;
          else break;
        }
        const word = sentence.slice(start, i);
        push(codes.get(word) ?? (DIGITS.test(word.replace(/[.,]/g, '')) ? NUMBER : OTHER), start, i);
      } else if (ch === '-' && isWord(i - 1) && isWord(i + 1)) {
        i++; // a hyphen inside a compound separates its words
      } else {
        push(ch, i, i + 1);
        i++;
      }
    }
    return { text, starts: starts.subarray(0, text.length), ends: ends.subarray(0, text.length) };
  };
}
