import type { CompiledRules } from '../rules/types';
import { ClaimSearch, type Found } from './claim-search';
import { createEncoder, type Encoded } from './encode';
import { expandPhrases, type PhraseFinder, phraseFinders, replacePhrases } from './phrases';

/** Finds claim candidates in one sentence; offsets are into the sentence. */
export interface CandidateFinder {
  find(sentence: string, allowed: (pattern: number) => boolean): Found[];
}

function toSentence(encoded: Encoded, found: Found): Found {
  return { pattern: found.pattern, start: encoded.starts[found.start] ?? 0, end: encoded.ends[found.end - 1] ?? 0 };
}

/**
 * The real finder: the sentence encoded one character per word, noun phrases replaced by their
 * markers, then the one joined pattern.
 */
export function combinedFinder(compiled: CompiledRules): CandidateFinder {
  const encode = createEncoder(compiled.vocabulary, compiled.firstWord);
  // Compiled on first use: pages without anchors never pay for them.
  let search: ClaimSearch | undefined;
  let phrases: PhraseFinder[] | undefined;
  return {
    find(sentence, allowed) {
      search ??= new ClaimSearch(compiled);
      phrases ??= phraseFinders(compiled.phrases);
      const encoded = replacePhrases(encode(sentence), phrases);
      const found: Found[] = [];
      for (let f = search.next(encoded.text, 0, allowed); f; f = search.next(encoded.text, f.end, allowed)) {
        found.push(toSentence(encoded, f));
      }
      return found;
    },
  };
}

/**
 * The baseline for benchmarks and tests: one regex per pattern, each run over the sentence in
 * turn. Same answers, none of the shortcuts (the matcher also skips the first pass for it).
 */
export function naiveFinder(compiled: CompiledRules): CandidateFinder {
  const encode = createEncoder(compiled.vocabulary, compiled.firstWord);
  const regexes = compiled.patterns.map((p) => new RegExp(expandPhrases(p.source, compiled.phrases), 'g'));
  return {
    find(sentence, allowed) {
      const encoded = encode(sentence);
      const found: Found[] = [];
      regexes.forEach((regex, pattern) => {
        if (!allowed(pattern)) return;
        regex.lastIndex = 0;
        for (let m = regex.exec(encoded.text); m; m = regex.exec(encoded.text)) {
          if (m[0].length === 0) regex.lastIndex++;
          else found.push({ pattern, start: m.index, end: m.index + m[0].length });
        }
      });
      // Like the joined pattern: leftmost first, earlier pattern first, no overlaps.
      found.sort((a, b) => a.start - b.start || a.pattern - b.pattern);
      return found
        .filter((f, i) => i === 0 || f.start >= (found[i - 1] as Found).end)
        .map((f) => toSentence(encoded, f));
    },
  };
}
