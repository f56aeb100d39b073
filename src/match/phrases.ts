import type { CompiledPhrase } from '../rules/types';
import type { Encoded } from './encode';

export interface PhraseFinder {
  readonly marker: string;
  readonly regex: RegExp;
}

export function phraseFinders(phrases: readonly CompiledPhrase[]): PhraseFinder[] {
  return phrases.map(({ source, marker }) => ({ marker, regex: new RegExp(source, 'g') }));
}

/**
 * Replaces every phrase found in an encoded sentence by its marker (one token), class by class in
 * order, keeping where each token came from in the sentence.
 */
export function replacePhrases(encoded: Encoded, finders: readonly PhraseFinder[]): Encoded {
  let current = encoded;
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
    if (parts.length === 0) continue;
    for (let i = last; i < current.text.length; i++) {
      starts.push(current.starts[i] as number);
      ends.push(current.ends[i] as number);
    }
    parts.push(current.text.slice(last));
    current = { text: parts.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
  }
  return current;
}

/** A claim pattern's source with each phrase marker written out in full (for the naive baseline). */
export function expandPhrases(source: string, phrases: readonly CompiledPhrase[]): string {
  return phrases.reduce((out, { marker, source: phrase }) => out.split(marker).join(`(?:${phrase})`), source);
}
