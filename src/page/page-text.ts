import type { HoldTests } from './may-hold-claims';

/** Child nodes whose text is read as one range. */
const NODES_PER_RANGE = 16;
/** Elements with at least this many child nodes are read in ranges instead of looked into. */
const MANY_CHILDREN = 8;
/**
 * Children above which an element is read whole after all: the browser finds a range's ends by
 * counting children from the first, so ranges over a list of 120,000 items took seconds.
 */
const MAX_RANGED_CHILDREN = 1024;
/** Elements looked into per read, at most; past that, each is read whole. */
const MAX_LOOKS = 64;
/**
 * Script and style text longer than this is passed over, not read: a shop's product catalogue
 * as JSON, a framework's page state or a block of CSS can be larger than the page's own text, and
 * no claim is ever read there (the scanner skips it too). Its length still counts, so offsets
 * stay those of `textContent`.
 */
const LONG_HOLDER = 2048;
/**
 * Characters, not counting spaces, kept from the end of the text read so far, so a stem that
 * markup splits between two pieces ("<b>bel</b>ly") is still found. Longer than any stem.
 */
const CARRIED = 32;

/**
 * Where each piece of a root's text begins, in its text and in the page: enough to go straight
 * to the first piece a stem starts in, instead of stepping through every text node before it.
 */
export class PieceMap {
  /** Offset of each piece's first character, ascending. */
  private readonly bases: number[] = [];
  /** The node each piece begins at: the node itself, or its child at `children[i]` (when ≥ 0). */
  private readonly nodes: Node[] = [];
  private readonly children: number[] = [];

  add(base: number, node: Node, child = -1): void {
    this.bases.push(base);
    this.nodes.push(node);
    this.children.push(child);
  }

  /** The last piece beginning at or before `offset`: the one holding it (empty pieces skipped). */
  pieceAt(offset: number): number {
    let low = 0;
    let high = this.bases.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.bases[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  base(index: number): number {
    return this.bases[index] ?? Number.POSITIVE_INFINITY;
  }

  /** The node piece `index` begins at (a walk from it meets the piece's text first). */
  first(index: number): Node | null {
    const node = this.nodes[index];
    const child = this.children[index] ?? -1;
    if (!node) return null;
    return child < 0 ? node : (node.childNodes[child] ?? null);
  }
}

/** A piece of a root's text: read (a string), or passed over (how many characters). */
export type Piece = string | number;

/**
 * `root`'s text (its `textContent`) in pieces that run together to the same string, read a
 * range of child nodes at a time, and where each piece begins; a long script or style is a
 * piece passed over (see LONG_HOLDER), and is listed in `passed`. One read of a large page's
 * text builds a string of a megabyte or so in fresh memory, which can cost more than the
 * reading: on the benchmark's 300 KB page, on a machine slow to hand out memory, one read took
 * 8-12 ms and the pieces 4-6.
 */
export function readPieces(root: Node): { pieces: Piece[]; map: PieceMap; passed: Set<Node> } {
  const pieces: Piece[] = [];
  const map = new PieceMap();
  const passed = new Set<Node>();
  let base = 0;
  const piece = (text: string, node: Node, child?: number) => {
    map.add(base, node, child);
    pieces.push(text);
    base += text.length;
  };
  const passOver = (holder: Element, length: number) => {
    map.add(base, holder);
    pieces.push(length);
    passed.add(holder);
    base += length;
  };
  // What a page changes is mostly a few nodes, whose text is read faster in one go.
  if (!isPageRoot(root)) {
    piece(root.textContent ?? '', root);
    return { pieces, map, passed };
  }
  const { holes, paths, onPath } = longHolders(root);
  let range: Range | undefined;
  let looks = 0;
  const ranges = (node: Node, from: number, to: number) => {
    // A range's text is its text nodes' data, as `textContent`'s is; it needs no JS object
    // for each child, which reading the children one by one would (that cost half as much again).
    range ??= (root.ownerDocument ?? (root as Document)).createRange();
    for (let i = from; i < to; i += NODES_PER_RANGE) {
      range.setStart(node, i);
      range.setEnd(node, Math.min(to, i + NODES_PER_RANGE));
      piece(range.toString(), node, i);
    }
  };
  const read = (node: Node): void => {
    const count = node.childNodes.length;
    if (count > MAX_RANGED_CHILDREN) {
      piece(node.textContent ?? '', node);
      return;
    }
    if (count >= MANY_CHILDREN) {
      // Ranges up to each child that is a long script or holds one, which is passed over or
      // looked into, and on after it.
      let from = 0;
      for (const index of paths.get(node) ?? []) {
        ranges(node, from, index);
        const child = node.childNodes[index] as Node;
        const length = holes.get(child);
        if (length !== undefined) passOver(child as Element, length);
        else read(child);
        from = index + 1;
      }
      ranges(node, from, count);
      return;
    }
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const type = child.nodeType;
      if (type === 1) {
        const length = holes.get(child);
        if (length !== undefined) passOver(child as Element, length);
        else if (onPath.has(child) || looks++ < MAX_LOOKS) read(child);
        else piece(child.textContent ?? '', child);
      } else if (type === 3 || type === 4) {
        piece((child as CharacterData).data, child); // comments and instructions are no text
      }
    }
  };
  read(root);
  return { pieces, map, passed };
}

/**
 * The scripts and styles under `root` whose text is one text node longer than LONG_HOLDER, with
 * their text's length (`holes`); the elements on the way down to them (`onPath`); and, for each
 * element on the way, the places among its child nodes of the children that are or hold one
 * (`paths`, ascending). Found through the document's own lists of scripts and styles, which the
 * browser keeps, so the page is not searched.
 */
function longHolders(root: Node): { holes: Map<Node, number>; paths: Map<Node, number[]>; onPath: Set<Node> } {
  const holes = new Map<Node, number>();
  const paths = new Map<Node, number[]>();
  const onPath = new Set<Node>();
  const doc = root.ownerDocument ?? (root as Document);
  const candidates =
    root.nodeType === 11
      ? [...(root as ShadowRoot).querySelectorAll('script,style')]
      : [...doc.scripts, ...doc.getElementsByTagName('style')];
  for (const element of candidates) {
    const text = element.firstChild;
    if (!text || text !== element.lastChild || text.nodeType !== 3) continue;
    const length = (text as Text).length;
    if (length <= LONG_HOLDER || !root.contains(element)) continue;
    holes.set(element, length);
    for (let below: Node = element, parent = below.parentNode; parent; below = parent, parent = below.parentNode) {
      let index = 0;
      let sibling = below.previousSibling;
      // Past MAX_RANGED_CHILDREN the parent is read whole, script and all: no need to count on.
      while (sibling && index <= MAX_RANGED_CHILDREN) {
        index++;
        sibling = sibling.previousSibling;
      }
      if (index > MAX_RANGED_CHILDREN) break;
      const indices = paths.get(parent) ?? [];
      if (!indices.includes(index)) indices.push(index);
      paths.set(parent, indices);
      if (parent === root) break;
      onPath.add(parent);
    }
  }
  for (const indices of paths.values()) indices.sort((a, b) => a - b);
  return { holes, paths, onPath };
}

/** A whole page's text, or a web component's: the document, its root element or body, or a shadow root. */
function isPageRoot(root: Node): boolean {
  const doc = root.ownerDocument;
  return root.nodeType === 9 || root.nodeType === 11 || root === doc?.body || root === doc?.documentElement;
}

/**
 * Where stems start in `root`'s text, as offsets into its `textContent` (see `Filters.stemStarts`),
 * found piece by piece: `undefined` when there are more than `max`. Long scripts and styles are
 * passed over (see LONG_HOLDER), and listed.
 */
export function stemStartsIn(root: Node, tests: HoldTests, max: number): StemReading {
  // A changed paragraph, not a page: one read, no pieces to keep track of (a price list that
  // rewrites a thousand rows asks this a thousand times a batch).
  if (!isPageRoot(root)) return { starts: tests.stemStarts(root.textContent ?? '', max), passed: NONE };
  return readStems(root, tests, max);
}

/** Where stems start in a root's text (`undefined`: too many), and the scripts and styles passed over. */
export interface StemReading {
  readonly starts: number[] | undefined;
  readonly passed: ReadonlySet<Node>;
}

const NONE: ReadonlySet<Node> = new Set();

/** Where stems start in `root`'s text (see `stemStartsIn`), and where its pieces begin. */
export function readStems(root: Node, tests: HoldTests, max: number): StemReading & { map: PieceMap } {
  const { pieces, map, passed } = readPieces(root);
  const starts: number[] = [];
  let base = 0;
  let carry = '';
  let straddled = false;
  for (const piece of pieces) {
    if (typeof piece === 'number') {
      // A script's or style's text, passed over: no stem of page text runs across it.
      base += piece;
      carry = '';
      continue;
    }
    if (carry !== '') {
      // Stems that start in the text before this piece and end in it: found in the two run
      // together, not in what came before alone (nor, as they end in it, in the piece). Most
      // boundaries have none, and then what came before is not searched again.
      const head = piece.slice(0, leadingSpace(piece) + CARRIED);
      let before: readonly number[] | undefined;
      for (const at of tests.stemStarts(carry + head, max) ?? []) {
        if (at >= carry.length) break;
        before ??= tests.stemStarts(carry, max) ?? [];
        if (before.includes(at)) continue;
        starts.push(base - carry.length + at);
        straddled = true;
      }
    }
    const found = tests.stemStarts(piece, max - starts.length);
    if (!found) return { starts: undefined, map, passed };
    for (const at of found) starts.push(base + at);
    base += piece.length;
    carry = tail(carry, piece);
  }
  if (straddled) starts.sort((a, b) => a - b);
  return { starts: starts.length > max ? undefined : starts, map, passed };
}

/** The end of `before + piece` worth keeping: CARRIED characters, and the spaces after them. */
function tail(before: string, piece: string): string {
  let end = piece.length;
  while (end > 0 && isSpace(piece.charCodeAt(end - 1))) end--;
  if (end >= CARRIED) return piece.slice(end - CARRIED);
  // Too little in the piece but spaces: what came before runs on into it ("love", "   ", "handles").
  const text = before + piece;
  end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(Math.max(0, end - CARRIED));
}

function leadingSpace(text: string): number {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Spaces a stem may hold between its words (as the stems' `[\s\u00a0\u2011-]`), roughly: any at or below U+0020. */
function isSpace(code: number): boolean {
  return code <= 0x20 || code === 0xa0 || code === 0x2011 || code === 0x2d;
}
