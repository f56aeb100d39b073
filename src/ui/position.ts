export interface Box {
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly height: number;
}

export interface Placement {
  readonly top: number;
  readonly left: number;
  /** The card's height may not exceed this (it scrolls inside). */
  readonly maxHeight: number;
  readonly side: 'below' | 'above';
}

const GAP = 8;
const MARGIN = 8;
const MIN_HEIGHT = 120;

/**
 * Where the card goes: below the indicator if it fits, else above, else wherever gives it the
 * most room; always inside the viewport, lined up with the indicator when the width allows.
 */
export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const width = Math.min(card.width, viewport.width - 2 * MARGIN);
  const left = clamp(anchor.left - 12, MARGIN, viewport.width - MARGIN - width);
  const below = viewport.height - (anchor.top + anchor.height) - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  // The card scrolls inside when its space is short; it never gets less than MIN_HEIGHT.
  if (card.height <= below || below >= above) {
    return {
      top: anchor.top + anchor.height + GAP,
      left,
      maxHeight: Math.max(Math.min(card.height, below), MIN_HEIGHT),
      side: 'below',
    };
  }
  const height = Math.max(Math.min(card.height, above), MIN_HEIGHT);
  return { top: anchor.top - GAP - height, left, maxHeight: height, side: 'above' };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}
