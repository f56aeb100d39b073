import type { Filters } from '../match/filters';
import { blockTargets, SKIPPED_TEXT_HOLDERS } from './extract';
import type { Scheduler } from './scanner';
import { type Throttled, throttle } from './schedule';
import { shadowRootsUnder } from './sparse';

/** The filter the lookout needs: where stems start in a whole root's text. */
export type LookoutTests = Pick<Filters, 'stemStarts'>;

/**
 * What the first look read, for the scanner's first pass to start from instead of reading the
 * page again: where stems start in `root`'s text, as it was when read.
 */
export interface FirstLook {
  readonly root: Node;
  readonly starts: readonly number[];
}

export interface LookoutOptions {
  readonly doc: Document;
  readonly tests: LookoutTests;
  readonly schedule: Scheduler;
  /** Text that could be a claim is on the page. Called once; the lookout watches no more. */
  readonly onSighting: () => void;
  /** The first look found nothing that could be a claim. */
  readonly onQuiet?: () => void;
  /** Least time between two looks at changes, so a ticker cannot keep us busy. */
  readonly batchInterval?: number;
  /** Changed nodes above which the whole page is looked at again instead. */
  readonly queue?: number;
  readonly setTimeout?: (fn: () => void, ms: number) => unknown;
}

/** Stem offsets counted per text at most; a text with more is taken to hold a claim. */
const MAX_COUNTED = 10_000;

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
  private readonly batches: Throttled;
  /** The page's text as the first look read it, while the page has not changed since. */
  private firstLook: FirstLook | undefined;

  constructor(private readonly options: LookoutOptions) {
    const View = options.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new View((records) => this.onMutations(records));
    this.batches = throttle(
      () =>
        options.schedule(() => {
          if (this.state === 'watching' && this.changesMayHoldClaims()) this.sight();
        }),
      options.batchInterval ?? 250,
      options.setTimeout,
    );
  }

  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'watching';
    this.observe(this.options.doc.documentElement);
    // Two slices: on a huge page, reading its text and finding its web components take tens of ms each.
    this.options.schedule(() => {
      if (this.state !== 'watching') return;
      const root = this.page();
      const text = root.textContent ?? '';
      const starts = this.options.tests.stemStarts(text, MAX_COUNTED);
      if (starts) this.firstLook = { root, starts };
      if (this.textMayHoldClaims(root, starts)) {
        this.sight();
        return;
      }
      this.options.schedule(() => {
        if (this.state !== 'watching') return;
        if (this.shadowRootsMayHoldClaims(root)) this.sight();
        else this.options.onQuiet?.();
      });
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

  /** Whether `root`'s text, with stems at `starts`, has one outside the parts that are never read. */
  private textMayHoldClaims(root: Node, starts: readonly number[] | undefined): boolean {
    if (starts === undefined) return true; // too many to count: surely worth reading
    return starts.length > 0 && !this.stemsOnlyInSkipped(root, starts.length);
  }

  /** Whether the open shadow roots below `root` (and theirs) could hold a claim. */
  private shadowRootsMayHoldClaims(root: Node): boolean {
    return shadowRootsUnder(root).some((shadow) => {
      this.observe(shadow);
      return this.mayHoldClaims(shadow);
    });
  }

  private mayHoldClaims(root: Node): boolean {
    const text = root.textContent ?? '';
    return (
      this.textMayHoldClaims(root, this.options.tests.stemStarts(text, MAX_COUNTED)) ||
      this.shadowRootsMayHoldClaims(root)
    );
  }

  /**
   * True when all `count` places a stem starts in `root`'s text lie inside scripts, styles or
   * form fields, whose text is never read. Counting is enough: a stem found in such an element's
   * text is found at the same place in its root's, so equal counts leave none anywhere else.
   */
  private stemsOnlyInSkipped(root: Node, count: number): boolean {
    const within = (root as Partial<ParentNode>).querySelectorAll?.(SKIPPED_TEXT_HOLDERS);
    if (!within) return false;
    let inSkipped = 0;
    let outer: Element | undefined;
    for (const element of within) {
      if (outer?.contains(element)) continue; // counted with the element it is in
      outer = element;
      inSkipped += this.options.tests.stemStarts(element.textContent ?? '', MAX_COUNTED)?.length ?? count + 1;
      if (inSkipped > count) return false;
    }
    return inSkipped === count;
  }

  private onMutations(records: MutationRecord[]): void {
    if (records.length === 0) return;
    this.firstLook = undefined; // out of date: the scanner will read the page afresh
    if (this.state === 'sighted') {
      this.observer.disconnect(); // nothing more to learn
      return;
    }
    if (this.state !== 'watching') return;
    for (const record of records) {
      if (record.type === 'characterData') this.queue.add(record.target);
      else for (const node of record.addedNodes) this.queue.add(node);
    }
    if (this.queue.size > (this.options.queue ?? 1000)) {
      this.queue.clear();
      this.wholePage = true;
    }
    if (this.queue.size > 0 || this.wholePage) this.batches.ask();
  }

  private changesMayHoldClaims(): boolean {
    const targets = this.wholePage ? [this.page()] : blockTargets(this.queue, this.options.doc);
    this.queue.clear();
    this.wholePage = false;
    return targets.some((target) => this.mayHoldClaims(target));
  }
}
