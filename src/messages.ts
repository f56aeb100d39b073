/** Messages between the content scripts, the background and the popup. */
import type { FoundClaim } from './match/service';

/** One claim, as the popup lists it. */
export interface ClaimSummary {
  readonly rule: string;
  readonly verdict: string;
  readonly text: string;
}

/** A frame's content script reports the claims marked in it (sent after every change). */
export interface FoundMessage {
  readonly type: 'spotcheck:found';
  readonly site: string;
  readonly claims: readonly ClaimSummary[];
}

/** The popup asks the background what was found in a tab. */
export interface TabQuery {
  readonly type: 'spotcheck:tab';
  readonly tabId: number;
}

/** A claim found in a tab: which frame of it, and where in that frame's list. */
export interface TabClaim extends ClaimSummary {
  readonly frameId: number;
  readonly index: number;
}

export interface TabFindings {
  /** The top frame's site, or "" when Spot Check has not run in the tab. */
  readonly site: string;
  readonly claims: readonly TabClaim[];
}

/**
 * The popup asks the content script of one frame to bring a claim into view and open its card
 * (sent to the tab, not the background).
 */
export interface ShowMessage {
  readonly type: 'spotcheck:show';
  readonly rule: string;
  readonly text: string;
  /** Where the claim was in the frame's list when it was reported. */
  readonly index: number;
}

export function isShowMessage(value: unknown): value is ShowMessage {
  const message = value as Partial<ShowMessage> | null;
  return (
    message?.type === 'spotcheck:show' &&
    typeof message.rule === 'string' &&
    typeof message.text === 'string' &&
    typeof message.index === 'number'
  );
}

/** A content script asks the background for the claims in blocks of its page's text. */
export interface MatchRequest {
  readonly type: 'spotcheck:match';
  readonly texts: readonly string[];
  /** The page's title and main heading (see `pageContext`). */
  readonly context: string;
}

export interface MatchAnswer {
  /** The claims in each text, in order. */
  readonly claims: FoundClaim[][];
  /** Time the background spent matching, ms (for `npm run bench`). */
  readonly ms: number;
}

export type Message = FoundMessage | TabQuery | MatchRequest;

export function isMessage(value: unknown): value is Message {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'spotcheck:found' || type === 'spotcheck:tab' || type === 'spotcheck:match';
}
