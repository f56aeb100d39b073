import type { CompiledRules } from '../rules/types';
import { ClaimSearch, type Found } from './claim-search';
import { createEncoder, type Encoded } from './encode';
import { PhraseReplacer, phraseFinders, replacePhrases } from './phrases';

/** Finds claim candidates in one sentence; offsets are into the sentence. */
export interface CandidateFinder {
  find(sentence: string, allowed: (pattern: number) => boolean): Found[];
}

function toSentence(encoded: Encoded, found: Found): Found {
  return { pattern: found.pattern, start: encoded.starts[found.start] ?? 0, end: encoded.ends[found.end - 1] ?? 0 };
}

/**
 * The real finder: the sentence encoded one character per word, noun phrases replaced by their
 * markers, then only the patterns whose words are all there.
 */
export function combinedFinder(compiled: CompiledRules): CandidateFinder {
  const encode = createEncoder(compiled.vocabulary, compiled.firstWord);
  // Built on first use: pages without anchors never pay for them.
  let search: ClaimSearch | undefined;
  let phrases: PhraseReplacer | undefined;
  return {
    find(sentence, allowed) {
      search ??= new ClaimSearch(compiled);
      phrases ??= new PhraseReplacer(compiled.phrases);
      const encoded = phrases.replace(encode(sentence));
      return search.find(encoded.text, allowed).map((f) => toSentence(encoded, f));
    },
  };
}

/**
 * The baseline for benchmarks and tests: the same encoding and phrases, then every pattern's
 * regex run over every sentence in turn. Same answers, none of the shortcuts (the matcher also
 * skips the first pass for it).
 */
export function naiveFinder(compiled: CompiledRules): CandidateFinder {
  const encode = createEncoder(compiled.vocabulary, compiled.firstWord);
  const phrases = phraseFinders(compiled.phrases);
  const regexes = compiled.patterns.map((p) => new RegExp(p.source, 'g'));
  return {
    find(sentence, allowed) {
      const encoded = replacePhrases(encode(sentence), phrases);
      const found: Found[] = [];
      regexes.forEach((regex, pattern) => {
        if (!allowed(pattern)) return;
        regex.lastIndex = 0;
        for (let m = regex.exec(encoded.text); m; m = regex.exec(encoded.text)) {
          if (m[0].length === 0) regex.lastIndex++;
          else found.push({ pattern, start: m.index, end: m.index + m[0].length });
        }
      });
      // Like ClaimSearch: leftmost first, earlier pattern first, no overlaps.
      found.sort((a, b) => a.start - b.start || a.pattern - b.pattern);
      return found
        .filter((f, i) => i === 0 || f.start >= (found[i - 1] as Found).end)
        .map((f) => toSentence(encoded, f));
    },
  };
}
