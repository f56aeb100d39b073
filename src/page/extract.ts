import { BREAK } from '../match/normalize';

/**
 * The visible text of a page, as blocks a claim cannot cross: each block is the run of text
 * nodes under one block-level element (a paragraph, a list item, a table cell, a review), with
 * text split over inline elements joined up: `<strong>Melts</strong> stubborn <em>belly fat</em>`
 * is one block "Melts stubborn belly fat". Reads `node.data` only, never `innerText`, which would
 * force the page to compute layout.
 */
export interface TextBlock {
  /** The block-level element the text belongs to. */
  readonly element: Element;
  readonly text: string;
  readonly nodes: readonly Text[];
  /** Where each node's text starts in `text`. */
  readonly starts: readonly number[];
}

/** Elements that flow inside a line of text; any other element starts a block. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/** Elements whose text is not page text a shopper reads, or is text a person is editing. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
]);

/**
 * Skipped elements that often hold text ("font-weight" in an inline style, a product's JSON, a
 * size picker's options), as a selector. Only a few: a selector list costs the browser a test
 * per element and name (60 ms for all of SKIPPED on a page of 360,000 elements, 18 ms for these).
 */
export const SKIPPED_TEXT_HOLDERS = 'script,style,noscript,textarea,select';

/** Elements that break a line inside a block. */
const BREAKS = new Set(['br', 'hr', 'img']);

/** Prefix of every element Spot Check adds to a page. */
export const OWN_PREFIX = 'spotcheck-';

/** True for elements whose text must be left alone (hidden, editable, or Spot Check's own). */
export function isSkipped(element: Element): boolean {
  // Called for every element of every page: localName is already lower case (no allocation), and
  // attributes are only looked at when the element has any.
  const tag = element.localName;
  if (SKIPPED.has(tag) || tag.startsWith(OWN_PREFIX)) return true;
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (!element.hasAttribute('style')) return false;
  const style = (element as HTMLElement).style;
  return style !== undefined && (style.display === 'none' || style.visibility === 'hidden');
}

/** True for elements that flow inside a line of text (a, strong, span, ...). */
export function isInline(element: Element): boolean {
  return INLINE.has(element.localName);
}

/**
 * True when a node is inside something whose text is left alone (a form field, an editor, hidden
 * or Spot Check's own UI), looking through shadow roots to their hosts. A tree walker checks the
 * nodes under its root, not the root and its ancestors, so re-reading a changed part of a page
 * must ask this first. `known` holds answers for elements asked before (while the page has not
 * changed; a new map asks afresh): nodes in one list or one product tile share all but their
 * nearest ancestors.
 */
export function isInSkipped(node: Node, known: Map<Node, boolean>): boolean {
  const asked: Node[] = [];
  let skipped = false;
  for (let current: Node | null = node; current; ) {
    const answer = known.get(current);
    if (answer !== undefined) {
      skipped = answer;
      break;
    }
    if (current.nodeType === 1 && isSkipped(current as Element)) {
      skipped = true;
      break;
    }
    if (current.nodeType === 1) asked.push(current);
    const parent: Node | null = current.parentNode;
    current = parent && parent.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : parent;
  }
  // Each element asked on the way up is in something skipped exactly when `node` is.
  for (const element of asked) known.set(element, skipped);
  return skipped;
}

/** The block-level element a node's text belongs to (stopping at `root`). */
export function blockOf(node: Node, root: Node): Element | undefined {
  let element = node.parentElement;
  while (element && element !== root && isInline(element)) element = element.parentElement;
  if (element) return element;
  // Text directly inside a shadow root belongs to the shadow host's block.
  const parent = node.parentNode as (Node & { host?: Element }) | null;
  return parent?.host;
}

/**
 * The blocks to re-read for a set of changed nodes: each node's block (a changed word inside a
 * paragraph means the whole paragraph), without reading a block twice or inside another.
 */
export function blockTargets(nodes: Iterable<Node>, doc: Document): Node[] {
  const targets = new Set<Node>();
  const known = new Map<Node, boolean>();
  for (const node of nodes) {
    if (!node.isConnected || isInSkipped(node, known)) continue;
    const element = node.nodeType === 1 ? (node as Element) : undefined;
    const target = element && !isInline(element) ? element : (blockOf(node, doc) ?? node.parentNode);
    if (target) targets.add(target);
  }
  // Up the tree from each target rather than each against every other: a page that rewrites a
  // thousand prices at once would otherwise cost a million comparisons (50-80 ms in Chromium).
  return [...targets].filter((target) => !hasAncestorIn(target, targets));
}

/** Whether an ancestor of `node` (within its tree, as `contains` sees it) is in `set`. */
function hasAncestorIn(node: Node, set: ReadonlySet<Node>): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) if (set.has(parent)) return true;
  return false;
}

interface PendingBlock {
  element: Element;
  text: string;
  nodes: Text[];
  starts: number[];
}

/**
 * Walks visible text one slice at a time: `take` reads text nodes until the caller says stop
 * and returns the blocks completed so far, so a huge page never holds the main thread for long.
 * Open shadow roots found on the way are walked after the tree that holds them.
 */
export class BlockWalker {
  private readonly roots: Node[];
  private walker: TreeWalker | undefined;
  private root: Node | undefined;
  private current: PendingBlock | undefined;
  private read = 0;

  constructor(
    root: Node,
    /** Caps how many text nodes are read in all, so a hostile page cannot make a walk unbounded. */
    private readonly limit = Number.POSITIVE_INFINITY,
    /** Told of each open shadow root found, so its changes can be watched too. */
    private readonly onShadowRoot?: (root: ShadowRoot) => void,
  ) {
    this.roots = [root];
  }

  get done(): boolean {
    return this.walker === undefined && this.roots.length === 0 && this.current === undefined;
  }

  /** Text nodes read so far. */
  get nodesRead(): number {
    return this.read;
  }

  private startNext(): boolean {
    const root = this.roots.shift();
    if (!root) return false;
    const doc = root.ownerDocument ?? (root as Document);
    this.root = root;
    // A tree walker never visits its root, so a root that hosts a shadow tree is checked here.
    const shadow = (root as Element).shadowRoot;
    if (shadow) {
      this.roots.push(shadow);
      this.onShadowRoot?.(shadow);
    }
    // No filter callback: calling into JS for every node costs 10-15 times the walk itself (29 ms
    // against 2 ms for 8,000 text nodes in Chromium). Skipped subtrees are stepped over in next().
    this.walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
    return true;
  }

  /** The next node in document order, stepping over the subtrees of skipped elements. */
  private next(walker: TreeWalker): Node | null {
    let node = walker.nextNode();
    while (node && node.nodeType === 1 && isSkipped(node as Element)) {
      node = null;
      // After the skipped element's subtree: its next sibling, or the next sibling of an ancestor.
      while (!node) {
        node = walker.nextSibling();
        if (!node && !walker.parentNode()) return null;
      }
    }
    return node;
  }

  /** Reads until `stop()` is true (checked every few nodes) or the walk ends. */
  take(stop: () => boolean = () => false): TextBlock[] {
    const blocks: TextBlock[] = [];
    const flush = () => {
      if (this.current && this.current.text.trim() !== '') blocks.push(this.current);
      this.current = undefined;
    };
    let steps = 0;
    while (this.walker || this.startNext()) {
      const walker = this.walker as TreeWalker;
      const root = this.root as Node;
      for (let node = this.next(walker); node && this.read < this.limit; node = this.next(walker)) {
        if (node.nodeType === 1) {
          const element = node as Element;
          if (element.shadowRoot) {
            this.roots.push(element.shadowRoot);
            this.onShadowRoot?.(element.shadowRoot);
          }
          if (this.current && BREAKS.has(element.localName) && blockOf(element, root) === this.current.element) {
            this.current.text += BREAK;
          }
        } else {
          const text = node as Text;
          this.read++;
          const element = blockOf(text, root);
          if (element) {
            if (this.current?.element !== element) {
              flush();
              this.current = { element, text: '', nodes: [], starts: [] };
            }
            this.current.nodes.push(text);
            this.current.starts.push(this.current.text.length);
            this.current.text += text.data;
          }
        }
        if (++steps % 64 === 0 && stop()) return blocks; // the pending block stays pending
      }
      // This root is finished (or the limit is reached): its last block is complete.
      flush();
      this.walker = undefined;
      if (this.read >= this.limit) this.roots.length = 0;
    }
    flush();
    return blocks;
  }
}

/** Every visible text block under `root` at once (for the CLI and tests; pages use BlockWalker). */
export function extractBlocks(root: Node, limit = Number.POSITIVE_INFINITY): TextBlock[] {
  return new BlockWalker(root, limit).take();
}

/** The text node and offset holding position `offset` of a block's text. */
export function locate(
  block: TextBlock,
  offset: number,
  preferEnd = false,
): { node: Text; offset: number } | undefined {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = block.starts[mid] as number;
    if (start < offset || (start === offset && !preferEnd)) lo = mid;
    else hi = mid - 1;
  }
  const node = block.nodes[lo];
  const start = block.starts[lo];
  if (!node || start === undefined) return undefined;
  return { node, offset: Math.min(Math.max(0, offset - start), node.data.length) };
}
