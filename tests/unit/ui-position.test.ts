import { describe, expect, it } from 'vitest';
import { placeCard } from '../../src/ui/position';

const viewport = { width: 1280, height: 800 };
const card = { width: 360, height: 400 };

describe('placing the card', () => {
  it('goes below the indicator when there is room, lined up with it', () => {
    const p = placeCard({ top: 100, left: 500, width: 16, height: 16 }, card, viewport);
    expect(p).toEqual({ top: 124, left: 488, maxHeight: 400, side: 'below' });
  });

  it('goes above when there is more room there, with exactly its height', () => {
    const p = placeCard({ top: 700, left: 500, width: 16, height: 16 }, card, viewport);
    expect(p.side).toBe('above');
    expect(p.top + p.maxHeight).toBe(692);
    expect(p.maxHeight).toBe(400);
  });

  it('stays inside the window at the edges and on narrow screens', () => {
    const right = placeCard({ top: 100, left: 1270, width: 16, height: 16 }, card, viewport);
    expect(right.left + card.width).toBeLessThanOrEqual(1280 - 8);
    const narrow = placeCard({ top: 100, left: 10, width: 16, height: 16 }, card, { width: 320, height: 640 });
    expect(narrow.left).toBe(8);
  });

  it('scrolls inside when neither side has room for all of it', () => {
    for (const top of [100, 300, 500]) {
      const anchor = { top, left: 500, width: 16, height: 16 };
      const p = placeCard(anchor, { width: 360, height: 900 }, { width: 1280, height: 600 });
      expect(p.top, `indicator at ${top}`).toBeGreaterThanOrEqual(8);
      expect(p.top + p.maxHeight, `indicator at ${top}`).toBeLessThanOrEqual(600 - 8);
      expect(p.maxHeight).toBeLessThan(900);
    }
  });
});
