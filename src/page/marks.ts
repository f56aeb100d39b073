import type { FoundClaim } from '../match/service';
import type { RuleInfo } from '../rules/types';
import { isInline, locate, OWN_PREFIX, type TextBlock } from './extract';
// The page styles, for shadow roots; the document gets them from the manifest (see the file).
import PAGE_STYLE from './page-style.css?raw';

/** A claim drawn on the page: its text underlined, and an indicator a person can click or Tab to. */
export interface Mark {
  readonly id: number;
  readonly rule: RuleInfo;
  /** The claim as found. */
  readonly text: string;
  /** Identifies the claim on this page for "Dismiss": rule and claim text. */
  readonly key: string;
  readonly block: Element;
  /** A live range: it follows the page's edits and collapses when the text is removed. */
  readonly range: Range;
  readonly indicator: HTMLElement;
}

export const HIGHLIGHT = 'spotcheck-claim';
export const INDICATOR_TAG = 'spotcheck-indicator';
const STYLE_ATTRIBUTE = 'data-spotcheck-style';

/**
 * The icon (a white "!" on an orange disc), drawn by the indicator's own background: no child
 * nodes, no shadow root to build for each claim, and, being inline and !important, out of reach
 * of page CSS. Gradients, not an image: a page's Content-Security-Policy decides which images it
 * loads, and many allow no data: URLs, but gradients are drawn, never loaded.
 */
const ICON = [
  // The bar of the "!", then its dot, on a disc (the box has border-radius 50%).
  'linear-gradient(#fff, #fff) 50% 28% / 13% 42% no-repeat',
  'radial-gradient(circle closest-side, #fff 75%, transparent 100%) 50% 78% / 17% 17% no-repeat',
  '#d9480f',
].join(', ');

/**
 * The indicator's own box, inline and with !important so page CSS cannot hide, resize or move
 * it. Sized in em of the surrounding text and aligned inside the line so the line box does not
 * grow: the only layout change is the indicator's own width.
 */
const INDICATOR_STYLE = [
  'all: initial',
  'display: inline-block',
  'box-sizing: border-box',
  'width: 1.05em',
  'height: 1.05em',
  'margin: 0 0 0 0.2em',
  'padding: 0',
  'vertical-align: -0.15em',
  'line-height: 1',
  'font-size: inherit',
  'cursor: pointer',
  'border-radius: 50%',
  'position: static',
  'float: none',
  'visibility: visible',
  'opacity: 1',
  'pointer-events: auto',
  'user-select: none',
  'border: 0',
  `background: ${ICON}`,
  // Keeps the icon as drawn in Windows high-contrast mode, where page backgrounds are replaced.
  'forced-color-adjust: none',
]
  .map((rule) => `${rule} !important`)
  .join('; ');

/** Elements a click inside would act on: an indicator inside one would trigger it. */
const INTERACTIVE = new Set(['A', 'BUTTON', 'LABEL', 'SUMMARY']);

export type Activation = 'click' | 'key' | 'hover';

export interface MarksOptions {
  /** An indicator was clicked, pressed (Enter/Space) or hovered for a moment. */
  onActivate(mark: Mark, how: Activation): void;
  /** The pointer left an indicator (to close a card opened by hovering). */
  onLeave?(mark: Mark): void;
  /** How long the pointer must rest on an indicator before its card opens. */
  hoverDelay?: number;
}

/** Spot Check's own elements, which scanning and mutation handling must ignore. */
export function isOwnNode(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element?.localName.startsWith(OWN_PREFIX) ?? false;
}

/**
 * Draws and removes marks. Everything it adds is namespaced (`spotcheck-`, `data-spotcheck-`)
 * and removed by `clear()`.
 */
export class Marks {
  private readonly marks = new Map<number, Mark>();
  /** Marks by the text node their claim starts in, to find a block's marks without a search. */
  private readonly byStart = new Map<Node, Set<Mark>>();
  private readonly byIndicator = new WeakMap<Element, Mark>();
  private readonly styled = new Set<ShadowRoot>();
  private readonly highlight: Highlight | undefined;
  private nextId = 1;

  constructor(
    private readonly doc: Document,
    private readonly options: MarksOptions,
  ) {
    // The Custom Highlight API underlines text without touching the page's DOM. Where it is
    // missing, claims are still marked by their indicators.
    const registry = (globalThis.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights;
    if (registry && typeof Highlight === 'function') {
      this.highlight = new Highlight();
      registry.set(HIGHLIGHT, this.highlight);
    }
  }

  get size(): number {
    return this.marks.size;
  }

  all(): Mark[] {
    return [...this.marks.values()];
  }

  forIndicator(element: Element): Mark | undefined {
    return this.byIndicator.get(element);
  }

  /** Marks whose claim starts in one of `nodes`. */
  startingIn(nodes: readonly Node[]): Mark[] {
    if (this.byStart.size === 0) return [];
    return nodes.flatMap((node) => [...(this.byStart.get(node) ?? [])]);
  }

  /** Marks a claim found in `block`; returns nothing when its text cannot be located. */
  add(block: TextBlock, claim: FoundClaim): Mark | undefined {
    const { rule } = claim;
    const start = locate(block, claim.start);
    const end = locate(block, claim.end, true);
    if (!start || !end || !start.node.isConnected || !end.node.isConnected) return undefined;
    const range = this.doc.createRange();
    try {
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
    } catch {
      return undefined; // the text changed between reading and marking
    }
    const indicator = this.indicator(rule, claim.text);
    const after = placeAfter(end.node, block.element);
    after.parentNode?.insertBefore(indicator, after.nextSibling);
    const mark: Mark = {
      id: this.nextId++,
      rule,
      text: claim.text,
      key: claimKey(rule.id, claim.text),
      block: block.element,
      range,
      indicator,
    };
    this.marks.set(mark.id, mark);
    this.byIndicator.set(indicator, mark);
    const starting = this.byStart.get(start.node) ?? new Set<Mark>();
    starting.add(mark);
    this.byStart.set(start.node, starting);
    this.highlight?.add(range);
    const root = start.node.getRootNode();
    if ('host' in root) this.style(root as ShadowRoot);
    return mark;
  }

  remove(mark: Mark): void {
    if (!this.marks.delete(mark.id)) return;
    for (const [node, set] of this.byStart) {
      if (set.delete(mark) && set.size === 0) this.byStart.delete(node);
    }
    this.highlight?.delete(mark.range);
    mark.indicator.remove();
  }

  /** Removes marks whose claim text was removed or changed. */
  prune(): Mark[] {
    const gone = this.all().filter((mark) => !stillThere(mark));
    for (const mark of gone) this.remove(mark);
    return gone;
  }

  /** Removes every mark and everything Spot Check added to the page for them. */
  clear(): void {
    for (const mark of this.all()) this.remove(mark);
    for (const root of this.styled) root.querySelector(`style[${STYLE_ATTRIBUTE}]`)?.remove();
    this.styled.clear();
    (globalThis.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights?.delete(HIGHLIGHT);
  }

  private style(root: ShadowRoot): void {
    if (this.styled.has(root)) return;
    const style = this.doc.createElement('style');
    style.setAttribute(STYLE_ATTRIBUTE, '');
    style.textContent = PAGE_STYLE;
    root.appendChild(style);
    this.styled.add(root);
  }

  private indicator(rule: RuleInfo, text: string): HTMLElement {
    const indicator = this.doc.createElement(INDICATOR_TAG);
    indicator.setAttribute('data-spotcheck-rule', rule.id);
    indicator.setAttribute('role', 'button');
    indicator.setAttribute('tabindex', '0');
    indicator.setAttribute('aria-haspopup', 'dialog');
    indicator.setAttribute('aria-expanded', 'false');
    indicator.setAttribute('aria-label', accessibleName(rule, text));
    indicator.setAttribute('title', `Spot Check: ${rule.verdict}`);
    indicator.setAttribute('style', INDICATOR_STYLE);

    const activate = (how: Activation) => {
      const mark = this.byIndicator.get(indicator);
      if (mark) this.options.onActivate(mark, how);
    };
    // The indicator may sit inside a page element that listens for clicks; it handles its own.
    indicator.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      activate('click');
    });
    indicator.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      event.stopPropagation();
      activate('key');
    });
    let hover: ReturnType<typeof setTimeout> | undefined;
    indicator.addEventListener('pointerenter', () => {
      hover = setTimeout(() => activate('hover'), this.options.hoverDelay ?? 400);
    });
    indicator.addEventListener('pointerleave', () => {
      clearTimeout(hover);
      const mark = this.byIndicator.get(indicator);
      if (mark) this.options.onLeave?.(mark);
    });
    return indicator;
  }
}

/** The claim's identity on a page, for "Dismiss": which rule, which words. */
export function claimKey(rule: string, text: string): string {
  return `${rule}|${text.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

/** What a screen reader says for an indicator. */
export function accessibleName(rule: RuleInfo, text: string): string {
  const claim = text.replace(/\s+/g, ' ').trim();
  return `Spot Check: ${rule.verdict.toLowerCase()} in “${claim.length > 80 ? `${claim.slice(0, 79)}…` : claim}” — show evidence`;
}

/**
 * Where the indicator goes: after the text node where the claim ends, or after the outermost
 * link or button around it inside the block (so activating the indicator never follows the link).
 */
function placeAfter(node: Node, block: Element): Node {
  let after: Node = node;
  for (
    let element = node.parentElement;
    element && element !== block && isInline(element);
    element = element.parentElement
  ) {
    if (INTERACTIVE.has(element.tagName.toUpperCase())) after = element;
  }
  return after;
}

function stillThere(mark: Mark): boolean {
  if (!mark.indicator.isConnected || mark.range.collapsed) return false;
  const now = mark.range.toString().replace(/\s+/g, ' ').trim();
  return now === mark.text.replace(/\s+/g, ' ').trim();
}
