import type { CompiledPhrase } from '../rules/types';
import type { Encoded } from './encode';
import { Needs } from './needs';

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
  return finders.reduce((current, { marker, regex }) => replaceOne(current, marker, regex), encoded);
}

/**
 * `replacePhrases` for the matcher: a phrase is looked for only in sentences that have the words
 * it needs, and its regex is compiled the first time one does.
 */
export class PhraseReplacer {
  private readonly needs: Needs;
  private readonly regexes: (RegExp | undefined)[] = [];

  constructor(private readonly phrases: readonly CompiledPhrase[]) {
    this.needs = new Needs(phrases.map((p) => p.needs));
  }

  replace(encoded: Encoded): Encoded {
    let current = encoded;
    let possible = this.needs.possible(current.text);
    this.phrases.forEach((phrase, index) => {
      if (!possible.includes(index)) return;
      let regex = this.regexes[index];
      if (!regex) {
        regex = new RegExp(phrase.source, 'g');
        this.regexes[index] = regex;
      }
      const replaced = replaceOne(current, phrase.marker, regex);
      if (replaced === current) return;
      current = replaced;
      // Read again: a marker put in by this class may be what a later class needs.
      possible = this.needs.possible(current.text);
    });
    return current;
  }
}

function replaceOne(current: Encoded, marker: string, regex: RegExp): Encoded {
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
  if (parts.length === 0) return current;
  for (let i = last; i < current.text.length; i++) {
    starts.push(current.starts[i] as number);
    ends.push(current.ends[i] as number);
  }
  parts.push(current.text.slice(last));
  return { text: parts.join(''), starts, ends };
}
