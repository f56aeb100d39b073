import type { ClaimFinder, FoundClaim } from '../match/service';
import { BlockWalker, blockTargets, type TextBlock } from './extract';
import type { FirstLook } from './lookout';
import { claimKey, isOwnNode, type Mark, type Marks } from './marks';
import { mayHoldClaims } from './may-hold-claims';
import { Backoff, MANY_CHANGES, type Throttled, throttle } from './schedule';
import { SparseWalker } from './sparse';

/** Runs `work` in a later idle moment; `work` stops when `timeUp()` says its slice is used. */
export type Scheduler = (work: (timeUp: () => boolean) => void) => void;

export interface ScanLimits {
  /** Text nodes one full pass reads at most. */
  readonly textNodes: number;
  /** Marks on one page at most. */
  readonly marks: number;
  /** Queued changes above which one coarse rescan replaces many small ones. */
  readonly queue: number;
  /** Characters of one block that are read at most. */
  readonly blockChars: number;
  /** Least time between two batches of changes, so a ticker cannot keep us busy. */
  readonly batchInterval: number;
}

export const DEFAULT_LIMITS: ScanLimits = {
  textNodes: 200_000,
  marks: 150,
  queue: 1000,
  blockChars: 50_000,
  batchInterval: 250,
};

export interface ScannerOptions {
  readonly doc: Document;
  /** Filters text in the page and finds claims (in the extension, by asking the background). */
  readonly claims: ClaimFinder;
  readonly marks: Marks;
  readonly schedule: Scheduler;
  /** Claims dismissed on this page (by `claimKey`). */
  readonly isDismissed?: (key: string) => boolean;
  /** Marks were added or removed. */
  readonly onChange?: (marks: readonly Mark[]) => void;
  /** A full pass over the page finished. */
  readonly onPassEnd?: () => void;
  /**
   * What a look at the page before the scanner started read (see Lookout), if still up to date
   * once the scanner watches the page: asked once, by the first pass.
   */
  readonly firstLook?: () => FirstLook | undefined;
  /** The page's title and main heading, to tell which product a claim is about. */
  readonly context?: () => string;
  readonly limits?: Partial<ScanLimits>;
  readonly setTimeout?: (fn: () => void, ms: number) => unknown;
}

/**
 * Finds claims in a live page and keeps the marks in step with it: one first pass in idle time
 * slices, then one MutationObserver whose changes are queued and handled in small throttled
 * batches (or, when a page changes wholesale, by one coarse rescan; while it keeps doing so, the
 * batches grow further apart). Its own marks and UI are ignored, so it never reacts to itself.
 *
 * The page's own thread only reads text and runs the cheap filters; the few blocks that pass
 * are sent to the finder in one request per slice, and their marks are drawn when it answers.
 */
export class Scanner {
  private readonly limits: ScanLimits;
  private readonly observer: MutationObserver;
  private observed = new WeakSet<Node>();
  private readonly queue = new Set<Node>();
  private walker: SparseWalker | undefined;
  private backlog: TextBlock[] = [];
  /** Per block element, the latest request it is in: an older answer is out of date. */
  private asked = new WeakMap<Element, number>();
  private requests = 0;
  /** Finder requests not yet answered. */
  private inflight = 0;
  /** The first pass has read everything and waits for answers before it ends. */
  private passEnding = false;
  private running = false;
  private coarse = false;
  private readonly batches: Throttled;
  private work = 0;
  private waiters: (() => void)[] = [];
  private context = '';
  /**
   * Grows after each heavy batch (a coarse rescan, or more than MANY_CHANGES changed nodes: a
   * page that keeps rewriting hundreds of rows); a light batch or a newly marked claim resets it.
   */
  private readonly backoff: Backoff;

  constructor(private readonly options: ScannerOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    const View = options.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new View((records) => this.onMutations(records));
    this.backoff = new Backoff(this.limits.batchInterval);
    this.batches = throttle(
      () => this.startBatch(),
      () => this.backoff.interval,
      options.setTimeout,
    );
  }

  /** Starts watching the page: a full pass now, then its changes. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.observe(this.options.doc.documentElement);
    // Taken once this scanner watches the page, so no change can fall between the two.
    this.pass(this.options.firstLook?.());
  }

  /** Stops watching and removes every mark. */
  stop(): void {
    this.running = false;
    this.observer.disconnect();
    this.observed = new WeakSet();
    this.queue.clear();
    this.walker = undefined;
    this.backlog = [];
    this.asked = new WeakMap();
    this.passEnding = false;
    this.options.marks.clear();
    this.options.onChange?.([]);
    this.settle();
  }

  /** One full pass over the page (after navigation, or when too much changed at once). */
  rescan(): void {
    this.pass();
  }

  private pass(firstLook?: FirstLook): void {
    if (!this.running) return;
    this.context = this.options.context?.() ?? '';
    const root = this.options.doc.body ?? this.options.doc.documentElement;
    const walker = new SparseWalker(
      root,
      this.options.claims,
      this.limits.textNodes,
      (shadow) => this.observe(shadow),
      firstLook,
    );
    this.walker = walker;
    this.backlog = [];
    this.passEnding = false;
    this.queue.clear();
    this.coarse = false;
    this.run((timeUp) => this.slice(walker, timeUp));
  }

  /** Resolves when no scanning work is pending (for tests and benchmarks). */
  idle(): Promise<void> {
    if (this.work === 0 && !this.batches.pending) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private observe(root: Node): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, { childList: true, characterData: true, subtree: true });
  }

  private run(step: (timeUp: () => boolean) => boolean): void {
    this.work++;
    const next = () =>
      this.options.schedule((timeUp) => {
        if (!this.running) return this.finish();
        if (step(timeUp)) next();
        else this.finish();
      });
    next();
  }

  private finish(): void {
    this.work--;
    this.settle();
  }

  private settle(): void {
    if (this.work > 0 || this.batches.pending) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  /** One slice of the full pass; true while there is more to read. */
  private slice(walker: SparseWalker, timeUp: () => boolean): boolean {
    if (walker !== this.walker) return false; // a rescan started another pass
    if (this.backlog.length === 0) this.backlog = walker.take(timeUp);
    // Blocks found but not yet read when the slice ran out wait for the next slice.
    this.backlog = this.update(this.backlog, timeUp);
    if (this.backlog.length > 0 || !walker.done) return true;
    this.walker = undefined;
    this.passEnding = true;
    this.endPass();
    return false;
  }

  /** Ends the first pass once every block it sent has its answer. */
  private endPass(): void {
    if (!this.passEnding || this.inflight > 0 || this.walker) return;
    this.passEnding = false;
    if (this.options.marks.prune().length > 0) this.options.onChange?.(this.options.marks.all());
    this.options.onPassEnd?.();
  }

  private onMutations(records: MutationRecord[]): void {
    if (!this.running) return;
    if (this.coarse || this.queue.size + records.length > this.limits.queue) {
      // The page is read whole at the next batch: its changes need not be gone through one by
      // one (this runs in the page's own task, after the script that made them).
      this.queue.clear();
      this.coarse = true;
      this.walker?.textChanged();
      this.batches.ask();
      return;
    }
    let pageChanged = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        if (isOwnNode(record.target)) continue;
        this.queue.add(record.target);
        pageChanged = true;
        continue;
      }
      for (const node of record.addedNodes) {
        if (isOwnNode(node) || isOwnStyle(node)) continue;
        this.queue.add(node);
        pageChanged = true;
      }
      // Removed text is handled by pruning marks after the batch; nothing to read.
      if (record.removedNodes.length > 0 && this.queue.size === 0) this.queue.add(record.target);
      for (const node of record.removedNodes) pageChanged ||= !isOwnNode(node);
    }
    // The first pass may be walking by offsets into the text as it was (see SparseWalker).
    if (pageChanged) this.walker?.textChanged();
    if (this.queue.size > this.limits.queue) {
      this.queue.clear();
      this.coarse = true;
    }
    if (this.queue.size > 0 || this.coarse) this.batches.ask();
  }

  private startBatch(): void {
    if (!this.running) {
      this.settle();
      return;
    }
    if (this.coarse || this.queue.size > MANY_CHANGES) this.backoff.grow();
    else this.backoff.reset();
    if (this.coarse) this.rescan();
    else this.run((timeUp) => this.batch(timeUp));
  }

  /** Re-reads the blocks that changed, a slice at a time; true while some remain queued. */
  private batch(timeUp: () => boolean): boolean {
    const targets = blockTargets(this.queue, this.options.doc);
    this.queue.clear();
    let index = 0;
    for (; index < targets.length && !timeUp(); index++) {
      const target = targets[index] as Node;
      // A change with nothing claim-like in it needs no reading. A block that holds a mark is
      // never such a change: it still holds the words of the claim, or, if they changed, the
      // mark is dropped by `prune` below.
      if (!mayHoldClaims(target, this.options.claims, (shadow) => this.observe(shadow))) continue;
      const walker = new BlockWalker(target, this.limits.textNodes, (shadow) => this.observe(shadow));
      this.update(walker.take());
    }
    for (const rest of targets.slice(index)) this.queue.add(rest);
    if (this.options.marks.prune().length > 0) this.options.onChange?.(this.options.marks.all());
    return this.queue.size > 0;
  }

  /**
   * Brings the marks of a batch of blocks up to date: blocks the filters pass are asked about in
   * one request; a block that no longer could hold a claim loses its marks at once. Stops when
   * `timeUp()` says so (after at least one block) and returns the unread rest.
   */
  private update(blocks: readonly TextBlock[], timeUp: () => boolean = () => false): TextBlock[] {
    const { claims, marks } = this.options;
    const asking: Asked[] = [];
    const request = ++this.requests;
    let index = 0;
    while (index < blocks.length && (index === 0 || !timeUp())) {
      const block = blocks[index++] as TextBlock;
      const text =
        block.text.length > this.limits.blockChars ? block.text.slice(0, this.limits.blockChars) : block.text;
      this.asked.set(block.element, request); // any earlier answer about this block is now stale
      if (claims.mayContain(text)) asking.push({ block, text });
      else {
        const existing = marks.startingIn(block.nodes);
        if (existing.length > 0) this.draw([{ block, existing, found: [] }]);
      }
    }
    if (asking.length > 0) this.ask(request, asking);
    return blocks.slice(index);
  }

  private ask(request: number, asking: readonly Asked[]): void {
    this.work++;
    this.inflight++;
    this.options.claims
      .find(
        asking.map((a) => a.text),
        this.context,
      )
      .then(
        (found) => this.answered(request, asking, found),
        () => {}, // a finder answers "no claims" rather than failing; nothing to draw either way
      )
      .finally(() => {
        this.inflight--;
        this.endPass();
        this.finish();
      });
  }

  private answered(request: number, asking: readonly Asked[], found: readonly (readonly FoundClaim[])[]): void {
    if (!this.running) return;
    const { marks, isDismissed } = this.options;
    const changes: Change[] = [];
    asking.forEach(({ block }, i) => {
      if (this.asked.get(block.element) !== request) return; // read again since: a newer answer decides
      const claims = (found[i] ?? []).filter((claim) => !isDismissed?.(claimKey(claim.rule.id, claim.text)));
      changes.push({ block, existing: marks.startingIn(block.nodes), found: claims });
    });
    this.draw(changes);
  }

  /**
   * Draws changes in two phases: first every read (visibility, which may make the browser
   * compute style), then every write (indicators). Interleaving them would make the browser
   * restyle the page for every claim.
   */
  private draw(changes: Change[]): void {
    let changed = false;
    for (const change of changes) if (change.found.length > 0 && !isVisible(change.block.element)) change.found = [];
    for (const change of changes) changed = this.write(change) || changed;
    if (changed) this.options.onChange?.(this.options.marks.all());
  }

  /** Keeps marks that still match, removes the others, adds the new ones (within the page's cap). */
  private write({ block, existing, found }: Change): boolean {
    const { marks } = this.options;
    const kept = new Set<Mark>();
    let changed = false;
    for (const claim of found) {
      const key = claimKey(claim.rule.id, claim.text);
      const same = existing.find((m) => !kept.has(m) && m.key === key);
      if (same) {
        kept.add(same);
        continue;
      }
      if (marks.size >= this.limits.marks) continue;
      const mark = marks.add(block, claim);
      if (mark) {
        kept.add(mark);
        changed = true;
        this.backoff.reset(); // claims are appearing: changes are worth reading promptly
      }
    }
    for (const mark of existing) {
      if (kept.has(mark)) continue;
      marks.remove(mark);
      changed = true;
    }
    return changed;
  }
}

interface Asked {
  readonly block: TextBlock;
  readonly text: string;
}

interface Change {
  readonly block: TextBlock;
  readonly existing: readonly Mark[];
  found: readonly FoundClaim[];
}

function isOwnStyle(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).hasAttribute('data-spotcheck-style');
}

function isVisible(element: Element): boolean {
  const check = (element as Element & { checkVisibility?: (options?: object) => boolean }).checkVisibility;
  if (typeof check !== 'function') return true;
  return check.call(element, { visibilityProperty: true, checkVisibilityCSS: true });
}
