import { WORD_END, WORD_START } from '../rules/compile';
import type { CompiledPhrase } from '../rules/types';

/**
 * A sentence with every phrase-class occurrence replaced by its one-character marker, and where
 * each character came from, so claim spans found in it map back to the sentence.
 */
export interface Derived {
  readonly text: string;
  /** Sentence offset where derived character i starts. */
  readonly starts: Int32Array;
  /** Sentence offset where derived character i ends (the whole phrase, for a marker). */
  readonly ends: Int32Array;
}

export interface PhraseFinder {
  readonly marker: string;
  readonly regex: RegExp;
}

export function phraseFinders(phrases: readonly CompiledPhrase[]): PhraseFinder[] {
  return phrases.map(({ source, marker }) => ({
    marker,
    regex: new RegExp(`${WORD_START}(?:${source})${WORD_END}`, 'g'),
  }));
}

/** A pattern's source with each phrase marker written out as the phrase's regex. */
export function expandPhrases(source: string, phrases: readonly CompiledPhrase[]): string {
  return phrases.reduce((out, { marker, source: phrase }) => out.split(marker).join(`(?:${phrase})`), source);
}

function identity(text: string): Derived {
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { text, starts, ends };
}

/** Replaces phrases, class by class in order; later classes see earlier markers. */
export function replacePhrases(sentence: string, finders: readonly PhraseFinder[]): Derived {
  let current = identity(sentence);
  for (const { marker, regex } of finders) {
    const parts: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    let last = 0;
    regex.lastIndex = 0;
    for (let m = regex.exec(current.text); m; m = regex.exec(current.text)) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      for (let i = last; i < m.index; i++) {
        starts.push(current.starts[i] as number);
        ends.push(current.ends[i] as number);
      }
      parts.push(current.text.slice(last, m.index), marker);
      starts.push(current.starts[m.index] as number);
      ends.push(current.ends[m.index + m[0].length - 1] as number);
      last = m.index + m[0].length;
    }
    if (last === 0 && parts.length === 0) continue;
    for (let i = last; i < current.text.length; i++) {
      starts.push(current.starts[i] as number);
      ends.push(current.ends[i] as number);
    }
    parts.push(current.text.slice(last));
    current = { text: parts.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
  }
  return current;
}
