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
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

export type Encoder = (sentence: string) => Encoded;

const WORD = /[\p{L}\p{N}']/u;
const DIGITS = /^\d+$/;
const SPACE = 0x20;
const OTHER_CODE = OTHER.charCodeAt(0);
const NUMBER_CODE = NUMBER.charCodeAt(0);

/** a-z, 0-9 and the apostrophe by their codes (the text is folded); beyond ASCII by Unicode class. */
function isWordAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i); // NaN outside the text
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x27;
  return !Number.isNaN(code) && WORD.test(text[i] as string);
}

function isDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0x30 && code <= 0x39;
}

/** A word outside the vocabulary: NUMBER when it is all digits (with . or , inside), else OTHER. */
function numberOrOther(sentence: string, start: number, end: number): number {
  if (!isDigitAt(sentence, start)) return OTHER_CODE;
  return DIGITS.test(sentence.slice(start, end).replace(/[.,]/g, '')) ? NUMBER_CODE : OTHER_CODE;
}

function nextHash(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

/**
 * The vocabulary by a hash of each word's char codes, so a word in a sentence is looked up
 * without first copying it out as a string of its own (copying took an eighth of the encoding time).
 */
class WordLookup {
  private readonly byHash = new Map<number, number[]>();

  constructor(private readonly words: readonly string[]) {
    words.forEach((word, index) => {
      let hash = word.charCodeAt(0);
      for (let i = 1; i < word.length; i++) hash = nextHash(hash, word.charCodeAt(i));
      const same = this.byHash.get(hash);
      if (same) same.push(index);
      else this.byHash.set(hash, [index]);
    });
  }

  /** The index of the word at `start`..`end` of `text` (whose hash is `hash`), or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const same = this.byHash.get(hash);
    if (!same) return -1;
    for (const index of same) {
      const word = this.words[index] as string;
      if (word.length === end - start && text.startsWith(word, start)) return index;
    }
    return -1;
  }
}

/** Builds a string from char codes; in chunks, because apply() has an argument limit. */
function fromCodes(codes: Uint16Array, length: number): string {
  let text = '';
  for (let at = 0; at < length; at += 8192) {
    text += String.fromCharCode.apply(null, codes.subarray(at, Math.min(length, at + 8192)) as unknown as number[]);
  }
  return text;
}

/**
 * Encoding runs on every sentence that holds an anchor word, so it is a plain loop over char
 * codes into a scratch buffer reused across calls, with offsets in plain arrays: a regex
 * tokenizer, string concatenation per token or typed arrays per sentence each cost a third more.
 */
export function createEncoder(vocabulary: readonly string[], firstCode: number): Encoder {
  const lookup = new WordLookup(vocabulary);
  let chars = new Uint16Array(256);
  return (sentence) => {
    // At most one token and one space per sentence character.
    if (chars.length < sentence.length * 2) chars = new Uint16Array(sentence.length * 2);
    const starts: number[] = [];
    const ends: number[] = [];
    let length = 0;
    let i = 0;
    while (i < sentence.length) {
      const start = i;
      const code = sentence.charCodeAt(i);
      let token: number;
      if (code === SPACE) {
        i++;
        continue;
      }
      if (isWordAt(sentence, i)) {
        let hash = code;
        i++;
        for (;;) {
          if (
            isWordAt(sentence, i) ||
            // 1.5 and 1,000 stay one number
            ((sentence[i] === '.' || sentence[i] === ',') && isDigitAt(sentence, i - 1) && isDigitAt(sentence, i + 1))
          ) {
            hash = nextHash(hash, sentence.charCodeAt(i));
            i++;
          } else break;
        }
        const known = lookup.find(sentence, start, i, hash);
        token = known >= 0 ? firstCode + known : numberOrOther(sentence, start, i);
      } else if (code === 0x2d && isWordAt(sentence, i - 1) && isWordAt(sentence, i + 1)) {
        i++; // a hyphen inside a compound separates its words
        continue;
      } else {
        token = code;
        i++;
      }
      if (length > 0) {
        chars[length++] = SPACE;
        starts.push(start);
        ends.push(start);
      }
      chars[length++] = token;
      starts.push(start);
      ends.push(i);
    }
    return { text: fromCodes(chars, length), starts, ends };
  };
}
