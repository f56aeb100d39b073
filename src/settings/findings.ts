import type { ClaimSummary, TabFindings } from '../messages';
import { storedItem } from './stored-item';

/**
 * What was found in each tab, per frame (tab id → frame id → claims), for the badge and the popup.
 * Session storage: it lives as long as the browser session, across service-worker restarts.
 * Content scripts may not use session storage, so only the background and the popup import this.
 */
export const tabFindings = storedItem<Record<string, { site: string; frames: Record<string, ClaimSummary[]> }>>(
  'session',
  'tabFindings',
  {},
);

/** Records what one frame of a tab found; returns the tab's total count of claims. */
export async function recordFindings(
  tabId: number,
  frameId: number,
  site: string,
  claims: readonly ClaimSummary[],
): Promise<number> {
  const all = await tabFindings.getValue();
  const tab = all[tabId] ?? { site: '', frames: {} };
  const frames: Record<string, ClaimSummary[]> = { ...tab.frames, [frameId]: [...claims] };
  // The top frame names the tab's site.
  const entry = { site: frameId === 0 ? site : tab.site || site, frames };
  await tabFindings.setValue({ ...all, [tabId]: entry });
  return Object.values(frames).reduce((n, list) => n + list.length, 0);
}

export async function findingsFor(tabId: number): Promise<TabFindings> {
  const tab = (await tabFindings.getValue())[tabId];
  if (!tab) return { site: '', claims: [] };
  const claims = Object.entries(tab.frames).flatMap(([frameId, list]) =>
    list.map((claim, index) => ({ ...claim, frameId: Number(frameId), index })),
  );
  return { site: tab.site, claims };
}

export async function forgetTab(tabId: number): Promise<void> {
  const { [tabId]: _, ...rest } = await tabFindings.getValue();
  await tabFindings.setValue(rest);
}
