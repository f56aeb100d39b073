import type { CompiledRules } from '../rules/types';
import { HIDES_WORDS, normalize } from './normalize';

/** The parts of the compiled rules the first pass needs: three small regex sources. */
export type FilterSources = Pick<CompiledRules, 'prefilter' | 'fragments' | 'anywhere'>;

/**
 * The cheap tests that decide whether text could hold a claim at all. They run on every page in
 * the page itself, so they need none of the claim patterns: false always means "certainly no
 * claim"; true means "worth matching".
 */
export interface Filters {
  /** For one block of text (a paragraph, a list item, a review). */
  mayContain(text: string): boolean;
  /**
   * Looser, for one piece of a block (a text node): false means no claim can use any of
   * `text`'s words as its anchor, even if markup split a stem across pieces.
   */
  mayContainPart(text: string): boolean;
  /**
   * Loosest, for a whole page's text read in one go, where blocks run together without spaces:
   * false means nothing in `text` can be a claim.
   */
  mayContainAnywhere(text: string): boolean;
}

export function createFilters(sources: FilterSources): Filters {
  const prefilter = new RegExp(sources.prefilter, 'i');
  const fragments = new RegExp(sources.fragments, 'i');
  const anywhere = new RegExp(sources.anywhere, 'i');
  return {
    // Soft hyphens, zero-width spaces and styled letters can hide a stem from the raw text.
    mayContain: (text) => prefilter.test(text) || (HIDES_WORDS.test(text) && prefilter.test(normalize(text).text)),
    mayContainPart: (text) => fragments.test(text) || HIDES_WORDS.test(text),
    mayContainAnywhere: (text) => anywhere.test(text) || HIDES_WORDS.test(text),
  };
}
