import type { Matcher } from '../match/matcher';
import { BlockWalker, blockOf, isInSkipped, type TextBlock } from './extract';
import type { FirstLook } from './lookout';
import { type PieceMap, readStems } from './page-text';

/** The matcher's cheap tests, which are all the first pass needs. */
export type PartTests = Pick<Matcher, 'mayContainPart' | 'stemStarts'>;

/** Stem offsets per root above which each text node is tested on its own instead. */
const MAX_GUIDED_STEMS = 2000;
/** Text nodes read between two looks at the clock. */
const STEPS = 256;

/**
 * The first pass over a page, touching as few nodes as it can. A content script pays for every
 * node it touches (each needs a JS wrapper in the script's isolated world: walking all 22,000
 * nodes of a large category page cost 35 ms, reading its text in one call 3 ms). So:
 *
 * 1. per root (the document, then each open shadow root), one read of its text (in pieces, see
 *    `readPieces`) and a regex to find where in it a claim's anchor could start; most pages
 *    stop here, with none;
 * 2. otherwise only text nodes are walked, reading nothing but their length, to find the nodes
 *    those offsets fall in (a root's text is its text nodes' data, in the walk's order). Reading
 *    each node's text and testing it cost more than twice as much;
 * 3. only around those few nodes is a whole block put together (BlockWalker).
 *
 * The offsets hold while the page is unchanged: once the scanner reports a change (`textChanged`),
 * the rest of that root is walked testing each node's own text (`mayContainPart`) instead.
 *
 * Shadow roots are found by one selector query for elements that may host one (see
 * MAY_HOST_SHADOW); hosts added later are found by the scanner's mutation handling.
 */
export class SparseWalker {
  private readonly roots: Node[];
  private readonly emitted = new WeakSet<Node>();
  private walker: TreeWalker | undefined;
  private root: Node | undefined;
  /** Where stems start in the current root's text, while its text is as it was read. */
  private guide: Guide | undefined;
  private read = 0;

  constructor(
    root: Node,
    private readonly tests: PartTests,
    private readonly limit = Number.POSITIVE_INFINITY,
    private readonly onShadowRoot?: (root: ShadowRoot) => void,
    /** Where stems start in a root's text, read before: that root's text is not read again. */
    private given?: FirstLook,
  ) {
    this.roots = [root];
  }

  get done(): boolean {
    return this.walker === undefined && this.roots.length === 0;
  }

  /** Where stems start in `root`'s text, at most MAX_GUIDED_STEMS of them (else `undefined`). */
  private stemStarts(root: Node): { starts: readonly number[] | undefined; map?: PieceMap } {
    const given = this.given?.root === root ? this.given : undefined;
    if (!given) return readStems(root, this.tests, MAX_GUIDED_STEMS);
    return given.starts.length > MAX_GUIDED_STEMS ? { starts: undefined } : given;
  }

  private startNext(): boolean {
    for (let root = this.roots.shift(); root; root = this.roots.shift()) {
      for (const shadow of shadowRootsUnder(root)) {
        this.roots.push(shadow);
        this.onShadowRoot?.(shadow);
      }
      const { starts, map } = this.stemStarts(root);
      if (starts?.length === 0) continue; // nothing here could be a claim
      const doc = root.ownerDocument ?? (root as Document);
      this.root = root;
      this.guide = starts && new Guide(starts, map);
      // SHOW_TEXT (no element wrappers), and CDATA sections: their text is in `textContent` too.
      this.walker = doc.createTreeWalker(root, 0x4 | 0x8);
      return true;
    }
    return false;
  }

  /** The page's text changed: offsets read before no longer say which node is which. */
  textChanged(): void {
    this.guide = undefined;
    this.given = undefined;
  }

  /** Blocks around candidate text, until `stop()` says so or the pass ends. */
  take(stop: () => boolean = () => false): TextBlock[] {
    const blocks: TextBlock[] = [];
    const known = new Map<Node, boolean>(); // see isInSkipped; the page may change after this slice
    while (this.walker || this.startNext()) {
      const walker = this.walker as TreeWalker;
      for (let text = this.next(walker); text !== null; text = this.next(walker)) {
        if (text && !this.emitted.has(text) && !isInSkipped(text, known)) {
          for (const block of this.around(text)) blocks.push(block);
        }
        if (stop()) return blocks;
      }
      this.walker = undefined;
      this.guide = undefined;
    }
    return blocks;
  }

  /**
   * The next text node that could start a claim's anchor: `null` when this root has no more,
   * `undefined` after STEPS nodes without one (a moment to look at the clock).
   */
  private next(walker: TreeWalker): Text | null | undefined {
    const budget = Math.min(STEPS, this.limit - this.read);
    if (budget <= 0) {
      this.roots.length = 0; // read as much as one pass may
      return null;
    }
    const guide = this.guide;
    if (guide) {
      const text = guide.step(walker, budget);
      this.read += guide.stepped;
      return text;
    }
    for (let i = 0; i < budget; i++) {
      const text = walker.nextNode() as Text | null;
      if (!text) return null;
      this.read++;
      if (this.tests.mayContainPart(text.data)) return text;
    }
    return undefined;
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

/**
 * Follows a root's text node by node, telling which nodes hold an offset where a stem starts.
 * With a map of where the text's pieces begin, it goes straight to the piece holding the next
 * offset: a page whose only stems are in a size chart at the bottom is not walked to get there.
 */
class Guide {
  private next = 0;
  private end = 0;
  /** Where the piece the walk is in ends, while following a map. */
  private pieceEnd = 0;
  /** A text node the walker was put on by a jump, to be counted before stepping on. */
  private pending: Text | null = null;
  /** Text nodes the last `step` read. */
  stepped = 0;

  constructor(
    private readonly starts: readonly number[],
    private readonly map?: PieceMap,
  ) {}

  /**
   * Steps `walker` over at most `max` text nodes, to the next one that holds an offset: that
   * node; `null` when the walk or the offsets end; `undefined` when `max` ran out first.
   */
  step(walker: TreeWalker, max: number): Text | null | undefined {
    this.stepped = 0;
    const target = this.starts[this.next];
    if (target === undefined) return null; // no stem starts further on in this root
    if (this.map && target >= this.pieceEnd) this.jump(walker, target, this.map);
    // The first pass's hot loop. It runs once per page, mostly before the engine has optimised
    // it, so it does no more per node than step, read the length and compare (the browser's own
    // step to a node costs about 0.35 µs the first time; each extra operation here adds to that).
    let end = this.end;
    let read = 0;
    let node: Text | null = null;
    while (read < max) {
      node = this.pending ?? (walker.nextNode() as Text | null);
      this.pending = null;
      if (node === null) break;
      read++;
      end += node.length;
      if (end > target) break;
    }
    this.end = end;
    this.stepped = read;
    if (node === null) return null;
    if (end <= target) return undefined;
    while (this.next < this.starts.length && (this.starts[this.next] as number) < end) this.next++;
    return node;
  }

  /** Puts the walker where the piece holding `target` begins, if that is further on. */
  private jump(walker: TreeWalker, target: number, map: PieceMap): void {
    const index = map.pieceAt(target);
    this.pieceEnd = map.base(index + 1);
    const base = map.base(index);
    if (base <= this.end) return; // in it already
    const first = map.first(index);
    if (!first) return; // the page changed (and the scanner will drop the guide): walk on
    walker.currentNode = first;
    this.end = base;
    // A walker yields the nodes after its current one: a text node it is put on is next itself.
    if (first.nodeType === 3 || first.nodeType === 4) this.pending = first as Text;
  }
}

/**
 * Elements that may host a shadow root, for one native query. Of the built-in elements, only
 * these may: article, aside, blockquote, body, div, footer, h1-h6, header, main, nav, p, section
 * and span. Web-component shops put their text in custom elements' shadow roots, so those
 * common built-ins are left out with the common ones that cannot host one, most frequent first
 * (each element is tested against the list until one fits). What is left on a page is mostly
 * custom elements, and rare built-ins that are asked and pass. An XPath query for custom
 * elements was faster on the benchmark's 300 KB page (1.9 against 3.1 ms), but on a page of
 * 240,000 elements the longest slice grew from 29-55 to 40-93 ms with it, so this one stays.
 */
export const MAY_HOST_SHADOW =
  ':not(div,span,a,li,p,img,svg,path,i,b,ul,button,input,label,strong,em,br,td,tr,option,h2,h3,h4,h1,h5,h6,section,article,header,footer,nav,main,aside,small,source,picture,figure,g,use,circle,rect,polygon,line,defs,stop,clipPath,mask,linearGradient,table,tbody,thead,th,ol,dl,dt,dd,form,select,textarea,script,style,link,meta,noscript,template,iframe,time,sup,sub,hr,code,pre,blockquote)';

/** Open shadow roots of the elements under `root` that may host one (one native query, no walk). */
export function shadowRootsUnder(root: Node): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const host = root as Element;
  if (host.shadowRoot) found.push(host.shadowRoot);
  const parent = root as Partial<ParentNode>;
  if (!parent.firstElementChild) return found; // a changed line of text: nothing below it to ask
  for (const element of parent.querySelectorAll?.(MAY_HOST_SHADOW) ?? []) {
    if (element.shadowRoot) found.push(element.shadowRoot);
  }
  return found;
}
