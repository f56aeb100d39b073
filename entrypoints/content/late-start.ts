import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Filters } from '../../src/match/filters';
import type { FirstLook } from '../../src/page/lookout';
import type { BenchRecorder } from './bench';

/** What the content script hands on to the part it loads. */
export interface Handover {
  readonly ctx: ContentScriptContext;
  readonly filters: Filters;
  /** The lookout's reading of the page, if still up to date (see `Lookout.takeFirstLook`). */
  readonly firstLook: () => FirstLook | undefined;
  readonly bench?: BenchRecorder;
}

/** The part of Spot Check a page gets once it may hold a claim (see `checkPage`). */
export type PageChecker = (handover: Handover) => Promise<void>;

/** Where the loaded file leaves its entry point: a global of the content script's own world, which the page cannot see. */
const KEY = 'spotcheckPageChecker';

type Holder = { [KEY]?: PageChecker };

/** Called by the file loaded on the first sighting, to hand its entry point to the content script. */
export function providePageChecker(check: PageChecker): void {
  (globalThis as Holder)[KEY] = check;
}

/**
 * Loads the rest of Spot Check into this content script's world, from the extension's own files,
 * and returns its entry point. Kept out of the content script itself because the browser compiles
 * all of a content script on every page, used or not: 53 KB of it cost about 5 ms per page.
 */
export async function loadPageChecker(url: string): Promise<PageChecker> {
  const loaded = (globalThis as Holder)[KEY];
  if (loaded) return loaded;
  await import(/* @vite-ignore */ url);
  const check = (globalThis as Holder)[KEY];
  if (!check) throw new Error(`${url} loaded, but did not provide the page checker`);
  return check;
}
