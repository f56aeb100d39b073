import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Filters } from '../../src/match/filters';
import type { FirstLook } from '../../src/page/lookout';
import type { createCardHost } from '../../src/ui/card-host';
import type { BenchRecorder } from './bench';

/** What the content script hands on to the part it loads on a sighting. */
export interface Handover {
  readonly ctx: ContentScriptContext;
  readonly filters: Filters;
  /** The lookout's reading of the page, if still up to date (see `Lookout.takeFirstLook`). */
  readonly firstLook: () => FirstLook | undefined;
  readonly bench?: BenchRecorder;
}

/**
 * The parts of Spot Check loaded into a page only when needed, each from a file of its own. The
 * browser compiles all of a content script on every page, used or not (53 KB of it cost every
 * page about 5 ms), so the content script holds only the lookout:
 * - `checkPage` (check-page.js), once a page may hold a claim: settings, scanning, marks;
 * - `cardHost` (card.js), once a claim is marked: the evidence card and Preact.
 */
export interface Parts {
  checkPage: (handover: Handover) => Promise<void>;
  cardHost: typeof createCardHost;
}

/** Where loaded files leave their parts: a global of the content script's own world, which the page cannot see. */
const KEY = 'spotcheckParts';

type Holder = { [KEY]?: Partial<Parts> };

/** Called by a loaded file, to hand its part to the content script. */
export function providePart<Name extends keyof Parts>(name: Name, part: Parts[Name]): void {
  const holder = globalThis as Holder;
  holder[KEY] = { ...holder[KEY], [name]: part };
}

/** Loads a part into this content script's world, from the extension's own files (once). */
export async function loadPart<Name extends keyof Parts>(name: Name, url: string): Promise<Parts[Name]> {
  const loaded = () => (globalThis as Holder)[KEY]?.[name];
  if (!loaded()) await import(/* @vite-ignore */ url);
  const part = loaded();
  if (!part) throw new Error(`${url} loaded, but did not provide the part "${name}"`);
  return part as Parts[Name];
}
