import { WORD_END, WORD_START } from '../rules/compile';
import type { CompiledRules } from '../rules/types';
import { ClaimSearch, type Found } from './claim-search';
import { expandPhrases, phraseFinders, replacePhrases } from './phrases';

/** Finds claim candidates in one sentence; offsets are into the sentence. */
export interface CandidateFinder {
  find(sentence: string, allowed: (pattern: number) => boolean): Found[];
}

/**
 * The real finder: phrases replaced by their markers, then the one joined pattern. Built on first
 * use, so a page without anchors never compiles it.
 */
export function combinedFinder(compiled: CompiledRules): CandidateFinder {
  const finders = phraseFinders(compiled.phrases);
  let search: ClaimSearch | undefined;
  return {
    find(sentence, allowed) {
      search ??= new ClaimSearch(compiled);
      const derived = replacePhrases(sentence, finders);
      const found: Found[] = [];
      for (let f = search.next(derived.text, 0, allowed); f; f = search.next(derived.text, f.end, allowed)) {
        found.push({ pattern: f.pattern, start: derived.starts[f.start] ?? 0, end: derived.ends[f.end - 1] ?? 0 });
      }
      return found;
    },
  };
}

/**
 * The baseline for benchmarks and tests: one regex per pattern, phrases written out in full,
 * each run over the sentence in turn. Same answers, none of the shortcuts.
 */
export function naiveFinder(compiled: CompiledRules): CandidateFinder {
  const regexes = compiled.patterns.map(
    (p) => new RegExp(`${WORD_START}(?:${expandPhrases(p.source, compiled.phrases)})${WORD_END}`, 'g'),
  );
  return {
    find(sentence, allowed) {
      const found: Found[] = [];
      regexes.forEach((regex, pattern) => {
        if (!allowed(pattern)) return;
        regex.lastIndex = 0;
        for (let m = regex.exec(sentence); m; m = regex.exec(sentence)) {
          if (m[0].length === 0) regex.lastIndex++;
          else found.push({ pattern, start: m.index, end: m.index + m[0].length });
        }
      });
      // Like the joined pattern: leftmost first, earlier pattern first, no overlaps.
      found.sort((a, b) => a.start - b.start || a.pattern - b.pattern);
      return found.filter((f, i) => i === 0 || f.start >= (found[i - 1] as Found).end);
    },
  };
}
