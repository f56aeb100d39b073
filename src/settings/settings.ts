import { storedItem } from './stored-item';

/**
 * Every setting Spot Check stores, in one place. Synced settings follow the person across their
 * browsers; dismissals stay on this device.
 */

/** Sites (host names) where the person turned warnings off. */
export const disabledSites = storedItem<string[]>('sync', 'disabledSites', []);

/** Claims dismissed per page: page key → claim keys. Kept for the most recent pages only. */
export const dismissedClaims = storedItem<Record<string, string[]>>('local', 'dismissedClaims', {});

const MAX_PAGES_REMEMBERED = 300;

/** The site a URL belongs to, as shown to people and stored: its host name without "www.". */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** A page, for remembering dismissals: the URL without its fragment. */
export function pageOf(url: string): string {
  return url.split('#')[0] ?? url;
}

export async function isSiteEnabled(site: string): Promise<boolean> {
  return !(await disabledSites.getValue()).includes(site);
}

export async function setSiteEnabled(site: string, enabled: boolean): Promise<void> {
  const sites = new Set(await disabledSites.getValue());
  if (enabled) sites.delete(site);
  else sites.add(site);
  await disabledSites.setValue([...sites].sort());
}

/** Calls `listener` when warnings are turned on or off for `site`; returns the unwatch function. */
export function watchSite(site: string, listener: (enabled: boolean) => void): () => void {
  return disabledSites.watch((sites, old) => {
    const was = !(old ?? []).includes(site);
    const now = !sites.includes(site);
    if (was !== now) listener(now);
  });
}

export async function dismissedOn(page: string): Promise<string[]> {
  return (await dismissedClaims.getValue())[page] ?? [];
}

export async function dismiss(page: string, claim: string): Promise<void> {
  const all = await dismissedClaims.getValue();
  const { [page]: current = [], ...others } = all;
  // Re-inserting the page puts it last, so the oldest pages are the ones forgotten first.
  const pages = Object.entries(others).slice(-(MAX_PAGES_REMEMBERED - 1));
  await dismissedClaims.setValue({ ...Object.fromEntries(pages), [page]: [...new Set([...current, claim])] });
}
