import { browser } from 'wxt/browser';
import type { Filters } from '../../src/match/filters';
import type { ClaimFinder, FoundClaim } from '../../src/match/service';
import type { MatchAnswer, MatchRequest } from '../../src/messages';

/**
 * The content script's finder: the filters run here, in the page; matching runs in the
 * background, where the claim patterns are compiled once for every tab instead of once per page,
 * and never on the page's own thread.
 */
export function remoteFinder(filters: Filters, onAnswer?: (ms: number) => void): ClaimFinder {
  const ask = async (request: MatchRequest): Promise<FoundClaim[][]> => {
    const answer = (await browser.runtime.sendMessage(request)) as MatchAnswer | undefined;
    if (!answer) throw new Error('no answer from the background');
    onAnswer?.(answer.ms);
    return answer.claims;
  };
  return {
    ...filters,
    async find(texts, context) {
      const request: MatchRequest = { type: 'spotcheck:match', texts, context };
      try {
        return await ask(request);
      } catch {
        // The background may have been stopped between messages: one more try wakes it.
        try {
          return await ask(request);
        } catch {
          return texts.map(() => []); // the extension was updated or removed: nothing to mark
        }
      }
    },
  };
}
