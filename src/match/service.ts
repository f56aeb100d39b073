import type { RuleInfo } from '../rules/types';
import type { Filters } from './filters';
import type { Matcher } from './matcher';

/** A claim found in one text, with its rule: everything a page needs to mark it. */
export interface FoundClaim {
  readonly rule: RuleInfo;
  /** UTF-16 offsets into the text that was searched. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Matching as a page uses it: the cheap filters run in the page; `find` runs wherever the
 * matcher lives. In the extension that is the background, so compiling and running the claim
 * patterns never takes the page's own thread; tests and tools use `localFinder`.
 */
export interface ClaimFinder extends Filters {
  /** The claims in each text, in the same order; no claims when matching is unavailable. */
  find(texts: readonly string[], context: string): Promise<FoundClaim[][]>;
}

/** The claims in each text, with their rules (what the background answers a page). */
export function findClaims(matcher: Matcher, texts: readonly string[], context: string): FoundClaim[][] {
  return texts.map((text) =>
    matcher.match(text, { context }).flatMap((match) => {
      const rule = matcher.rule(match.rule);
      return rule ? [{ rule, start: match.start, end: match.end, text: match.text }] : [];
    }),
  );
}

/** A finder that matches in place (tests, tools). */
export function localFinder(matcher: Matcher): ClaimFinder {
  return {
    mayContain: matcher.mayContain,
    mayContainPart: matcher.mayContainPart,
    mayContainAnywhere: matcher.mayContainAnywhere,
    stemStarts: matcher.stemStarts,
    find: async (texts, context) => findClaims(matcher, texts, context),
  };
}
