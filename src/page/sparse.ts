import type { Matcher } from '../match/matcher';
import { BlockWalker, blockOf, isInSkipped, type TextBlock } from './extract';

/** The matcher's cheap tests, which are all the first pass needs. */
export type PartTests = Pick<Matcher, 'mayContainPart' | 'mayContainAnywhere'>;

/**
 * The first pass over a page, touching as few nodes as it can. A content script pays for every
 * node it touches (each needs a JS wrapper in the script's isolated world: walking all 22,000
 * nodes of a large category page cost 35 ms, reading its text in one call 3 ms). So:
 *
 * 1. per root (the document, then each open shadow root), one `textContent` read decides whether
 *    anything there could hold a claim; most pages stop here;
 * 2. otherwise only text nodes are walked, each tested with a cheap regex (`mayContainPart`);
 * 3. only around the few text nodes that pass is a whole block put together (BlockWalker).
 *
 * Shadow roots are found by one XPath query for custom elements (the hosts web-component shops
 * use); hosts added later are found by the scanner's mutation handling.
 */
export class SparseWalker {
  private readonly roots: Node[];
  private readonly emitted = new WeakSet<Node>();
  private walker: TreeWalker | undefined;
  private root: Node | undefined;
  private read = 0;

  constructor(
    root: Node,
    private readonly tests: PartTests,
    private readonly limit = Number.POSITIVE_INFINITY,
    private readonly onShadowRoot?: (root: ShadowRoot) => void,
  ) {
    this.roots = [root];
  }

  get done(): boolean {
    return this.walker === undefined && this.roots.length === 0;
  }

  private startNext(): boolean {
    for (let root = this.roots.shift(); root; root = this.roots.shift()) {
      for (const shadow of shadowRootsUnder(root)) {
        this.roots.push(shadow);
        this.onShadowRoot?.(shadow);
      }
      if (!this.tests.mayContainAnywhere(root.textContent ?? '')) continue; // nothing here could be a claim
      const doc = root.ownerDocument ?? (root as Document);
      this.root = root;
      this.walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT: no element wrappers */);
      return true;
    }
    return false;
  }

  /** Blocks around candidate text, until `stop()` says so or the pass ends. */
  take(stop: () => boolean = () => false): TextBlock[] {
    const blocks: TextBlock[] = [];
    let steps = 0;
    while (this.walker || this.startNext()) {
      const walker = this.walker as TreeWalker;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (++this.read > this.limit) {
          this.roots.length = 0;
          break;
        }
        const text = node as Text;
        if (this.tests.mayContainPart(text.data) && !this.emitted.has(text) && !isInSkipped(text)) {
          for (const block of this.around(text)) blocks.push(block);
        }
        if (++steps % 64 === 0 && stop()) return blocks;
      }
      this.walker = undefined;
    }
    return blocks;
  }

  /** The block holding `text` (and the blocks nested in it), each once. */
  private around(text: Text): TextBlock[] {
    const element = blockOf(text, this.root as Node);
    if (!element) return [];
    const blocks = new BlockWalker(element, this.limit)
      .take()
      .filter((block) => !block.nodes.some((n) => this.emitted.has(n)));
    for (const block of blocks) for (const node of block.nodes) this.emitted.add(node);
    return blocks;
  }
}

/** Open shadow roots of the custom elements under `root` (one XPath query, no walk). */
export function shadowRootsUnder(root: Node): ShadowRoot[] {
  const doc = root.ownerDocument ?? (root as Document);
  const found: ShadowRoot[] = [];
  const host = root as Element;
  if (host.shadowRoot) found.push(host.shadowRoot);
  if (typeof doc.evaluate === 'function' && typeof XPathResult !== 'undefined') {
    // XPath cannot start from a shadow root (a document fragment), only from its elements.
    const starts = root.nodeType === 11 ? [...(root as ShadowRoot).children] : [root];
    for (const start of starts) {
      const result = doc.evaluate(
        "descendant-or-self::*[contains(local-name(), '-')]",
        start,
        null,
        XPathResult.ORDERED_NODE_SNAPSHOT_TYPE,
        null,
      );
      for (let i = 0; i < result.snapshotLength; i++) {
        const shadow = (result.snapshotItem(i) as Element | null)?.shadowRoot;
        if (shadow && shadow !== host.shadowRoot) found.push(shadow);
      }
    }
    return found;
  }
  // Without XPath (some test DOMs), ask every element.
  for (const element of (root as Element | Document | ShadowRoot).querySelectorAll?.('*') ?? []) {
    if (element.shadowRoot) found.push(element.shadowRoot);
  }
  return found;
}
