import type { Filters } from '../match/filters';
import { SKIPPED_TEXT_HOLDERS } from './extract';
import { stemStartsIn } from './page-text';
import { shadowRootsUnder } from './sparse';

/** The filter these tests need: the loosest, for a whole subtree's text at once. */
export type HoldTests = Pick<Filters, 'stemStarts'>;

/** Stem offsets counted per text at most; a text with more is taken to hold a claim. */
export const MAX_COUNTED = 10_000;

/**
 * Whether the text under `root`, or in the open shadow roots below it (and theirs), could hold a
 * claim: the lookout asks it of a page and of what changes in it, the scanner of each changed
 * block. Each shadow root looked into is passed to `onShadowRoot`, so its changes can be watched.
 */
export function mayHoldClaims(root: Node, tests: HoldTests, onShadowRoot?: (shadow: ShadowRoot) => void): boolean {
  // One search of the text: where stems start, none on most changes.
  const { starts, passed } = stemStartsIn(root, tests, MAX_COUNTED);
  return textMayHoldClaims(root, starts, tests, passed) || shadowRootsMayHoldClaims(root, tests, onShadowRoot);
}

/** Whether the open shadow roots below `root` (and theirs) could hold a claim. */
export function shadowRootsMayHoldClaims(
  root: Node,
  tests: HoldTests,
  onShadowRoot?: (shadow: ShadowRoot) => void,
): boolean {
  return shadowRootsUnder(root).some((shadow) => {
    onShadowRoot?.(shadow);
    return mayHoldClaims(shadow, tests, onShadowRoot);
  });
}

/**
 * Whether `root`'s own text, with stems starting at `starts` (`undefined`: too many to count),
 * has one outside scripts, styles and form fields, whose text is never read as page text
 * ("font-weight" in an inline style, a product's JSON). `passed`: the scripts and styles whose
 * text was passed over, not searched (see `readPieces`).
 */
export function textMayHoldClaims(
  root: Node,
  starts: readonly number[] | undefined,
  tests: HoldTests,
  passed: ReadonlySet<Node>,
): boolean {
  if (starts === undefined) return true; // too many to count: surely worth reading
  return starts.length > 0 && !stemsOnlyInSkipped(root, starts.length, tests, passed);
}

/**
 * True when all `count` places a stem starts in `root`'s text lie inside scripts, styles or
 * form fields. Counting is enough: a stem found in such an element's text is found at the same
 * place in its root's, so equal counts leave none anywhere else (those passed over were not
 * searched, so hold none of the `count`).
 */
function stemsOnlyInSkipped(root: Node, count: number, tests: HoldTests, passed: ReadonlySet<Node>): boolean {
  const within = (root as Partial<ParentNode>).querySelectorAll?.(SKIPPED_TEXT_HOLDERS);
  if (!within) return false;
  let inSkipped = 0;
  let outer: Element | undefined;
  for (const element of within) {
    if (passed.has(element)) continue;
    if (outer?.contains(element)) continue; // counted with the element it is in
    outer = element;
    inSkipped += tests.stemStarts(element.textContent ?? '', MAX_COUNTED)?.length ?? count + 1;
    if (inSkipped > count) return false;
  }
  return inSkipped === count;
}
