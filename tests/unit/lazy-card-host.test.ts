import { describe, expect, it } from 'vitest';
import type { Activation, Mark } from '../../src/page/marks';
import type { CardHost } from '../../src/ui/card-host';
import { lazyCardHost } from '../../src/ui/lazy-card-host';

/** A card host that records what it is asked, and a loader the test lets finish. */
function setup() {
  const calls: string[] = [];
  const host: CardHost = {
    current: undefined,
    open: (mark, how) => calls.push(`open ${mark.key} ${how}`),
    close: () => calls.push('close'),
    leave: (mark) => calls.push(`leave ${mark.key}`),
  };
  let finish: () => void = () => {};
  let loads = 0;
  const lazy = lazyCardHost(() => {
    loads++;
    return new Promise((resolve) => {
      finish = () => resolve(host);
    });
  });
  const loaded = async () => {
    finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { lazy, calls, loaded, loadCount: () => loads };
}

const marks = new Map<string, Mark>();
/** The same mark object for the same key, as a page's marks are. */
const mark = (key: string) => marks.get(key) ?? (marks.set(key, { key } as Mark).get(key) as Mark);
const open = (lazy: CardHost, key: string, how: Activation) => lazy.open(mark(key), how);

describe('the card, loaded on first use', () => {
  it('opens the card asked for once its code has loaded, loading it once', async () => {
    const { lazy, calls, loaded, loadCount } = setup();
    open(lazy, 'a', 'click');
    expect(lazy.current?.key).toBe('a');
    open(lazy, 'b', 'key');
    await loaded();
    expect(calls).toEqual(['open b key']);
    open(lazy, 'c', 'click');
    expect(calls).toEqual(['open b key', 'open c click']);
    expect(loadCount()).toBe(1);
  });

  it('opens nothing when the pointer left, or the card was closed, before the code loaded', async () => {
    const { lazy, calls, loaded } = setup();
    open(lazy, 'a', 'hover');
    lazy.leave(mark('a'));
    lazy.preload();
    await loaded();
    expect(calls).toEqual([]);
    const second = setup();
    open(second.lazy, 'b', 'click');
    second.lazy.close(false);
    await second.loaded();
    expect(second.calls).toEqual([]);
  });

  it('does not let a hover replace a card opened on purpose while loading', async () => {
    const { lazy, calls, loaded } = setup();
    open(lazy, 'a', 'click');
    open(lazy, 'b', 'hover');
    await loaded();
    expect(calls).toEqual(['open a click']);
  });
});
