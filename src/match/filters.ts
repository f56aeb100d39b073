import type { CompiledRules } from '../rules/types';
import { HIDES_WORDS, normalize } from './normalize';

/** The parts of the compiled rules the first pass needs: three small regex sources. */
export type FilterSources = Pick<CompiledRules, 'fragments' | 'anywhere'>;

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
  /**
   * Where in `text` (read like `mayContainAnywhere`'s) a stem, or a character that could hide
   * one, starts: every such offset, in order, overlapping ones included. `undefined` when there
   * are more than `max`. A text node holding none of these offsets, nor the start of a stem
   * that runs on into it, cannot start a claim's anchor.
   */
  stemStarts(text: string, max: number): number[] | undefined;
}

/** One pass over a whole page's text: a stem, or a character that could hide one. */
export function anywhereSource(sources: Pick<FilterSources, 'anywhere'>): string {
  return `${sources.anywhere}|${HIDES_WORDS.source}`;
}

export function createFilters(sources: FilterSources): Filters {
  const fragments = new RegExp(sources.fragments, 'i');
  const anywhere = new RegExp(anywhereSource(sources), 'i');
  const everywhere = new RegExp(anywhere.source, 'gi');
  const stems = new RegExp(sources.anywhere, 'gi');
  /**
   * A stem at the start of a word (not after an ASCII letter or digit), found without a
   * lookbehind: a regex that begins with one is tried at every position, one that begins with
   * letters is not.
   */
  const stemAtWordStart = (text: string): boolean => {
    stems.lastIndex = 0;
    for (let m = stems.exec(text); m; m = stems.exec(text)) {
      if (!isAsciiLetterOrDigit(text.charCodeAt(m.index - 1))) return true;
      stems.lastIndex = m.index + 1;
    }
    return false;
  };
  /** The first pass by its definition: soft hyphens, zero-width spaces and styled letters can hide a stem. */
  const firstPass = (text: string): boolean =>
    stemAtWordStart(text) || (HIDES_WORDS.test(text) && stemAtWordStart(normalize(text).text));
  /**
   * The same, faster: V8 finds `\b` before letters a third sooner than it runs the loop above.
   * `\b` counts "_" as a letter where the first pass does not, so text with one goes the long way,
   * as does text with a character that could hide a stem.
   */
  const wordStart = new RegExp(`\\b(?:${sources.anywhere})|${HIDES_WORDS.source}`, 'i');
  return {
    mayContain: (text) => {
      if (text.includes('_')) return firstPass(text);
      return wordStart.test(text) && (!HIDES_WORDS.test(text) || firstPass(text));
    },
    mayContainPart: (text) => fragments.test(text) || HIDES_WORDS.test(text),
    mayContainAnywhere: (text) => anywhere.test(text),
    stemStarts: (text, max) => {
      const starts: number[] = [];
      everywhere.lastIndex = 0;
      for (let m = everywhere.exec(text); m; m = everywhere.exec(text)) {
        if (starts.length === max) return undefined;
        starts.push(m.index);
        everywhere.lastIndex = m.index + 1; // a stem may start inside the one just found
      }
      return starts;
    },
  };
}

/** Like `(?<![a-z0-9])` under the `i` flag (NaN, before the start, is neither). */
function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}
