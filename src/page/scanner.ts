import type { Match, Matcher } from '../match/matcher';
import { BlockWalker, blockOf, isInline, isInSkipped, type TextBlock } from './extract';
import { claimKey, isOwnNode, type Mark, type Marks } from './marks';
import { SparseWalker, shadowRootsUnder } from './sparse';

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
  readonly matcher: Matcher;
  readonly marks: Marks;
  readonly schedule: Scheduler;
  /** Claims dismissed on this page (by `claimKey`). */
  readonly isDismissed?: (key: string) => boolean;
  /** Marks were added or removed. */
  readonly onChange?: (marks: readonly Mark[]) => void;
  /** A full pass over the page finished. */
  readonly onPassEnd?: () => void;
  /** The page's title and main heading, to tell which product a claim is about. */
  readonly context?: () => string;
  readonly limits?: Partial<ScanLimits>;
  readonly setTimeout?: (fn: () => void, ms: number) => unknown;
}

/**
 * Finds claims in a live page and keeps the marks in step with it: one first pass in idle time
 * slices, then one MutationObserver whose changes are queued and handled in small throttled
 * batches (or, when a page changes wholesale, by one coarse rescan). Its own marks and UI are
 * ignored, so it never reacts to itself.
 */
export class Scanner {
  private readonly limits: ScanLimits;
  private readonly observer: MutationObserver;
  private observed = new WeakSet<Node>();
  private readonly queue = new Set<Node>();
  private walker: SparseWalker | undefined;
  private backlog: TextBlock[] = [];
  private running = false;
  private coarse = false;
  private batchPending = false;
  private lastBatch = Number.NEGATIVE_INFINITY;
  private work = 0;
  private waiters: (() => void)[] = [];
  private context = '';

  constructor(private readonly options: ScannerOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    const View = options.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new View((records) => this.onMutations(records));
  }

  /** Starts watching the page: a full pass now, then its changes. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.observe(this.options.doc.documentElement);
    this.rescan();
  }

  /** Stops watching and removes every mark. */
  stop(): void {
    this.running = false;
    this.observer.disconnect();
    this.observed = new WeakSet();
    this.queue.clear();
    this.walker = undefined;
    this.backlog = [];
    this.options.marks.clear();
    this.options.onChange?.([]);
    this.settle();
  }

  /** One full pass over the page (after navigation, or when too much changed at once). */
  rescan(): void {
    if (!this.running) return;
    this.context = this.options.context?.() ?? '';
    const root = this.options.doc.body ?? this.options.doc.documentElement;
    this.walker = new SparseWalker(root, this.options.matcher, this.limits.textNodes, (shadow) => this.observe(shadow));
    this.backlog = [];
    this.queue.clear();
    this.coarse = false;
    this.run((timeUp) => (this.walker ? this.slice(this.walker, timeUp) : false));
  }

  /** Resolves when no scanning work is pending (for tests and benchmarks). */
  idle(): Promise<void> {
    if (this.work === 0 && !this.batchPending) return Promise.resolve();
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
    if (this.work > 0 || this.batchPending) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  /** One slice of the full pass; true while there is more to read. */
  private slice(walker: SparseWalker, timeUp: () => boolean): boolean {
    const before = this.options.marks.size;
    if (this.backlog.length === 0) this.backlog = walker.take(timeUp);
    // Blocks found but not yet matched when the slice ran out wait for the next slice.
    this.backlog = this.update(this.backlog, timeUp);
    if (this.backlog.length > 0 || !walker.done) return true;
    if (walker === this.walker) this.walker = undefined;
    const pruned = this.options.marks.prune().length;
    if (pruned > 0 || this.options.marks.size !== before) this.options.onChange?.(this.options.marks.all());
    this.options.onPassEnd?.();
    return false;
  }

  private onMutations(records: MutationRecord[]): void {
    if (!this.running) return;
    for (const record of records) {
      if (record.type === 'characterData') {
        if (!isOwnNode(record.target)) this.queue.add(record.target);
        continue;
      }
      for (const node of record.addedNodes) if (!isOwnNode(node) && !isOwnStyle(node)) this.queue.add(node);
      // Removed text is handled by pruning marks after the batch; nothing to read.
      if (record.removedNodes.length > 0 && this.queue.size === 0) this.queue.add(record.target);
    }
    if (this.queue.size > this.limits.queue) {
      this.queue.clear();
      this.coarse = true;
    }
    if (this.queue.size > 0 || this.coarse) this.scheduleBatch();
  }

  private scheduleBatch(): void {
    if (this.batchPending) return;
    this.batchPending = true;
    const wait = Math.max(0, this.lastBatch + this.limits.batchInterval - performanceNow());
    (this.options.setTimeout ?? setTimeout)(() => {
      this.batchPending = false;
      this.lastBatch = performanceNow();
      if (!this.running) return this.settle();
      if (this.coarse) return this.rescan();
      this.run((timeUp) => this.batch(timeUp));
    }, wait);
  }

  /** Re-reads the blocks that changed, a slice at a time; true while some remain queued. */
  private batch(timeUp: () => boolean): boolean {
    const targets = blockTargets(this.queue, this.options.doc);
    this.queue.clear();
    const before = this.options.marks.size;
    let index = 0;
    for (; index < targets.length && !timeUp(); index++) {
      const target = targets[index] as Node;
      // A change with nothing claim-like in it (and no web components) needs no reading, unless
      // the block holds a mark: new words there ("not", "myth") can change what it claims.
      const quiet =
        !this.options.matcher.mayContainAnywhere(target.textContent ?? '') && shadowRootsUnder(target).length === 0;
      if (quiet && !this.options.marks.all().some((mark) => target.contains(mark.range.startContainer))) continue;
      const walker = new BlockWalker(target, this.limits.textNodes, (shadow) => this.observe(shadow));
      this.update(walker.take());
    }
    for (const rest of targets.slice(index)) this.queue.add(rest);
    const pruned = this.options.marks.prune().length;
    if (pruned > 0 || this.options.marks.size !== before) this.options.onChange?.(this.options.marks.all());
    return this.queue.size > 0;
  }

  /**
   * Brings the marks of a batch of blocks up to date in two phases: first every read (matching,
   * and visibility, which may make the browser compute layout), then every write (indicators).
   * Interleaving them would make the browser lay the page out again for every claim.
   * Stops reading when `timeUp()` says so (after at least one block) and returns the unread rest.
   */
  private update(blocks: readonly TextBlock[], timeUp: () => boolean = () => false): TextBlock[] {
    const pending: Pending[] = [];
    let index = 0;
    while (index < blocks.length && (index === 0 || !timeUp())) {
      const read = this.read(blocks[index++] as TextBlock);
      if (read) pending.push(read);
    }
    for (const item of pending) if (item.found.length > 0 && !isVisible(item.block.element)) item.found = [];
    for (const item of pending) this.write(item);
    return blocks.slice(index);
  }

  /** What a block claims now, and which marks it had; nothing when there is nothing to do. */
  private read(block: TextBlock): Pending | undefined {
    const { matcher, marks } = this.options;
    const text = block.text.length > this.limits.blockChars ? block.text.slice(0, this.limits.blockChars) : block.text;
    const existing = marks.startingIn(block.nodes);
    const candidate = matcher.mayContain(text);
    if (!candidate && existing.length === 0) return undefined; // the common case: nothing here, nothing to undo
    const found = candidate ? matcher.match(text, { context: this.context }) : [];
    return { block, existing, found: found.filter((m) => !this.options.isDismissed?.(claimKey(m.rule, m.text))) };
  }

  /** Keeps marks that still match, removes the others, adds the new ones (within the page's cap). */
  private write({ block, existing, found }: Pending): void {
    const { matcher, marks } = this.options;
    const kept = new Set<Mark>();
    for (const match of found) {
      const key = claimKey(match.rule, match.text);
      const same = existing.find((m) => !kept.has(m) && m.key === key);
      if (same) {
        kept.add(same);
        continue;
      }
      const rule = matcher.rule(match.rule);
      if (!rule || marks.size >= this.limits.marks) continue;
      const mark = marks.add(block, match, rule);
      if (mark) kept.add(mark);
    }
    for (const mark of existing) if (!kept.has(mark)) marks.remove(mark);
  }
}

interface Pending {
  readonly block: TextBlock;
  readonly existing: readonly Mark[];
  found: readonly Match[];
}

function performanceNow(): number {
  return globalThis.performance?.now() ?? Date.now();
}

function isOwnStyle(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).hasAttribute('data-spotcheck-style');
}

/**
 * The blocks to re-read for a set of changed nodes: each node's block (a changed word inside a
 * paragraph means the whole paragraph), without reading a block twice or inside another.
 */
function blockTargets(nodes: Iterable<Node>, doc: Document): Node[] {
  const targets = new Set<Node>();
  for (const node of nodes) {
    if (!node.isConnected || isInSkipped(node)) continue;
    const element = node.nodeType === 1 ? (node as Element) : undefined;
    const target = element && !isInline(element) ? element : (blockOf(node, doc) ?? node.parentNode);
    if (target) targets.add(target);
  }
  const list = [...targets];
  return list.filter((t) => !list.some((other) => other !== t && other.contains(t)));
}

function isVisible(element: Element): boolean {
  const check = (element as Element & { checkVisibility?: (options?: object) => boolean }).checkVisibility;
  if (typeof check !== 'function') return true;
  return check.call(element, { visibilityProperty: true, checkVisibilityCSS: true });
}
