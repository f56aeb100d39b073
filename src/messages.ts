/** Messages between the content scripts, the background and the popup. */

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

export interface TabFindings {
  /** The top frame's site, or "" when Spot Check has not run in the tab. */
  readonly site: string;
  readonly claims: readonly ClaimSummary[];
}

export type Message = FoundMessage | TabQuery;

export function isMessage(value: unknown): value is Message {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'spotcheck:found' || type === 'spotcheck:tab';
}
