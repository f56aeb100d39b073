import { blockTargets } from './extract';
import {
  type HoldTests,
  MAX_COUNTED,
  mayHoldClaims,
  shadowRootsMayHoldClaims,
  textMayHoldClaims,
} from './may-hold-claims';
import { type PieceMap, readStems } from './page-text';
import type { Scheduler } from './scanner';
import { Backoff, MANY_CHANGES, type Throttled, throttle } from './schedule';

/**
 * What the first look read, for the scanner's first pass to start from instead of reading the
 * page again: where stems start in `root`'s text, as it was when read.
 */
export interface FirstLook {
  readonly root: Node;
  readonly starts: readonly number[];
  /** Where the pieces of `root`'s text begin, to skip those without a stem. */
  readonly map?: PieceMap;
}

export interface LookoutOptions {
  readonly doc: Document;
  readonly tests: HoldTests;
  readonly schedule: Scheduler;
  /** Text that could be a claim is on the page. Called once; the lookout watches no more. */
  readonly onSighting: () => void;
  /** The first look found nothing that could be a claim. */
  readonly onQuiet?: () => void;
  /** Least time between two looks at changes, so a ticker cannot keep us busy. */
  readonly batchInterval?: number;
  /** Changed nodes above which the whole page is looked at again instead (MANY_CHANGES). */
  readonly queue?: number;
  readonly setTimeout?: (fn: () => void, ms: number) => unknown;
}

/**
 * Watches a page for text that could be a claim, at the least cost a page can have: one read of
 * its text (and of each open shadow root's), one regex, and then only the nodes the page adds or
 * changes. Most pages never mention fat, a waist or a belly, and they get nothing but this: the
 * rest of Spot Check (settings, marks, the card) is loaded on the first sighting.
 *
 * Stems that occur only inside scripts, styles and form fields ("font-weight" in an inline style,
 * a product's JSON) are not sightings: the scanner never reads that text.
 */
export class Lookout {
  private readonly observer: MutationObserver;
  private readonly observed = new WeakSet<Node>();
  private readonly queue = new Set<Node>();
  private state: 'idle' | 'watching' | 'sighted' | 'stopped' = 'idle';
  private wholePage = false;
  /** Grows after each whole-page look that finds nothing (a page that keeps rewriting itself). */
  private readonly backoff: Backoff;
  private readonly batches: Throttled;
  /** The page's text as the first look read it, while the page has not changed since. */
  private firstLook: FirstLook | undefined;
  /** Shadow roots looked into are watched too. */
  private readonly watch = (shadow: ShadowRoot) => this.observe(shadow);

  constructor(private readonly options: LookoutOptions) {
    const View = options.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new View((records) => this.onMutations(records));
    this.backoff = new Backoff(options.batchInterval ?? 250);
    this.batches = throttle(
      () =>
        options.schedule(() => {
          if (this.state === 'watching' && this.changesMayHoldClaims()) this.sight();
        }),
      () => this.backoff.interval,
      options.setTimeout,
    );
  }

  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'watching';
    this.observe(this.options.doc.documentElement);
    // Up to three slices: on a huge page, reading its text, counting what scripts and styles hold
    // and finding its web components take tens of ms each.
    this.options.schedule(() => {
      if (this.state !== 'watching') return;
      const root = this.page();
      const { starts, map, passed } = readStems(root, this.options.tests, MAX_COUNTED);
      if (starts === undefined) {
        this.sight(); // too many to count: surely worth reading
        return;
      }
      // (The map only where it helps: it holds on to a few of the page's nodes.)
      const look = starts.length > 0 ? { root, starts, map } : { root, starts };
      this.firstLook = look;
      if (starts.length === 0) {
        this.lookIntoShadowRoots(root);
        return;
      }
      this.options.schedule(() => {
        if (this.state !== 'watching') return;
        // The count below holds only for the text as read: after any change, the scanner decides.
        if (this.firstLook !== look || textMayHoldClaims(root, starts, this.options.tests, passed)) this.sight();
        else this.lookIntoShadowRoots(root);
      });
    });
  }

  private lookIntoShadowRoots(root: Node): void {
    this.options.schedule(() => {
      if (this.state !== 'watching') return;
      if (shadowRootsMayHoldClaims(root, this.options.tests, this.watch)) this.sight();
      else this.options.onQuiet?.();
    });
  }

  stop(): void {
    this.state = 'stopped';
    this.observer.disconnect();
    this.queue.clear();
    this.firstLook = undefined;
  }

  /**
   * The first look, for the scanner to start from, if the page has not changed since it was
   * taken (call it once the scanner watches the page itself). Stops the lookout.
   */
  takeFirstLook(): FirstLook | undefined {
    this.onMutations(this.observer.takeRecords());
    const look = this.firstLook;
    this.stop();
    return look;
  }

  private page(): Node {
    return this.options.doc.body ?? this.options.doc.documentElement;
  }

  private sight(): void {
    // Still observing, but only to learn whether the first look goes out of date.
    this.state = 'sighted';
    this.queue.clear();
    this.options.onSighting();
  }

  private observe(root: Node): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, { childList: true, characterData: true, subtree: true });
  }

  private onMutations(records: MutationRecord[]): void {
    if (records.length === 0) return;
    this.firstLook = undefined; // out of date: the scanner will read the page afresh
    if (this.state === 'sighted') {
      this.observer.disconnect(); // nothing more to learn
      return;
    }
    if (this.state !== 'watching') return;
    const limit = this.options.queue ?? MANY_CHANGES;
    // This runs inside the page's own task, after the script that made the changes: a price list
    // rewritten row by row is not gone through record by record here, but looked at again whole,
    // in idle time (the lookout adds nothing to the page, so none of these changes are its own).
    const many = this.wholePage || this.queue.size + records.length > limit;
    if (!many) {
      for (const record of records) {
        if (record.type === 'characterData') this.queue.add(record.target);
        else for (const node of record.addedNodes) this.queue.add(node);
      }
    }
    if (many || this.queue.size > limit) {
      this.queue.clear();
      this.wholePage = true;
    }
    if (this.queue.size > 0 || this.wholePage) this.batches.ask();
  }

  private changesMayHoldClaims(): boolean {
    const whole = this.wholePage;
    const targets = whole ? [this.page()] : blockTargets(this.queue, this.options.doc);
    this.queue.clear();
    this.wholePage = false;
    const found = targets.some((target) => mayHoldClaims(target, this.options.tests, this.watch));
    if (whole && !found) this.backoff.grow();
    else this.backoff.reset();
    return found;
  }
}
