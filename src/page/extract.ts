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
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'CITE',
  'CODE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'KBD',
  'LABEL',
  'MARK',
  'NOBR',
  'Q',
  'RUBY',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
]);

/** Elements whose text is not page text a shopper reads, or is text a person is editing. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
]);

/** Elements that break a line inside a block. */
const BREAKS = new Set(['BR', 'HR', 'IMG']);

/** Prefix of every element Spot Check adds to a page. */
export const OWN_PREFIX = 'SPOTCHECK-';

/** True for elements whose text must be left alone (hidden, editable, or Spot Check's own). */
export function isSkipped(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED.has(tag) || tag.startsWith(OWN_PREFIX)) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const style = (element as HTMLElement).style;
  return style !== undefined && (style.display === 'none' || style.visibility === 'hidden');
}

function blockOf(node: Node, root: Node): Element | undefined {
  let element = node.parentElement;
  while (element && element !== root && INLINE.has(element.tagName.toUpperCase())) element = element.parentElement;
  if (element) return element;
  // Text directly inside a shadow root belongs to the shadow host's block.
  const parent = node.parentNode as (Node & { host?: Element }) | null;
  return parent?.host;
}

/**
 * Visible text blocks under `root`, including open shadow roots of elements inside it. `limit`
 * caps how many text nodes are read, so a hostile page cannot make one pass unbounded.
 */
export function extractBlocks(root: Node, limit = Number.POSITIVE_INFINITY): TextBlock[] {
  const doc = root.ownerDocument ?? (root as Document);
  const blocks: TextBlock[] = [];
  const shadows: ShadowRoot[] = [];
  let current: { element: Element; text: string; nodes: Text[]; starts: number[] } | undefined;
  let read = 0;

  const flush = () => {
    if (current && current.text.trim() !== '') blocks.push(current);
    current = undefined;
  };

  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (node) =>
      node.nodeType === 1 && isSkipped(node as Element) ? 2 /* FILTER_REJECT: skip the subtree */ : 1,
  });
  for (let node = walker.nextNode(); node && read < limit; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      const element = node as Element;
      if (element.shadowRoot) shadows.push(element.shadowRoot);
      if (current && BREAKS.has(element.tagName.toUpperCase()) && blockOf(element, root) === current.element) {
        current.text += BREAK;
      }
      continue;
    }
    const text = node as Text;
    read++;
    const element = blockOf(text, root);
    if (!element) continue;
    if (current?.element !== element) {
      flush();
      current = { element, text: '', nodes: [], starts: [] };
    }
    current.nodes.push(text);
    current.starts.push(current.text.length);
    current.text += text.data;
  }
  flush();
  for (const shadow of shadows) {
    if (read >= limit) break;
    const inner = extractBlocks(shadow, limit - read);
    read += inner.reduce((sum, block) => sum + block.nodes.length, 0);
    blocks.push(...inner);
  }
  return blocks;
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
