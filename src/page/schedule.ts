import type { Scheduler } from './scanner';

export interface IdleHost {
  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number;
}

/**
 * The longest one slice of work may run. The browser's idle deadline usually ends a slice sooner;
 * this cap keeps every task of ours well under the 50 ms at which a page starts to feel slow.
 */
export const SLICE_MAX_MS = 30;
/** When the browser is busy and the timeout forces a slice, it gets this much. */
export const SLICE_BUSY_MS = 8;

/**
 * Runs scanner work in idle periods (WXT's `ctx.requestIdleCallback`, which stops when the
 * extension is updated or removed), a slice at a time: while the browser reports idle time, up to
 * SLICE_MAX_MS. The timeout keeps work moving on pages that are never idle, in short slices.
 * `onSlice` is told how long each slice took (for the benchmark).
 */
export function idleScheduler(host: IdleHost, onSlice?: (ms: number) => void): Scheduler {
  return (work) => {
    host.requestIdleCallback(
      (deadline) => {
        const start = performance.now();
        const budget = deadline.didTimeout ? SLICE_BUSY_MS : SLICE_MAX_MS;
        work(() => (!deadline.didTimeout && deadline.timeRemaining() < 1) || performance.now() - start > budget);
        onSlice?.(performance.now() - start);
      },
      { timeout: 1000 },
    );
  };
}

/** Asks for `run` as often as wanted; it runs at most once per interval (see `throttle`). */
export interface Throttled {
  ask(): void;
  /** A run is asked for and has not started yet. */
  readonly pending: boolean;
}

/**
 * Runs `run` at most once every `interval` ms, however often it is asked for: the first ask
 * waits out what is left of the interval since the last run, and asks meanwhile join it. This
 * is what keeps a page that changes every few ms from keeping Spot Check busy. A function
 * `interval` is asked at each ask, so the gap can grow while the changes keep coming.
 */
export function throttle(
  run: () => void,
  interval: number | (() => number),
  setTimer: (fn: () => void, ms: number) => unknown = setTimeout,
): Throttled {
  let pending = false;
  let last = Number.NEGATIVE_INFINITY;
  const now = () => globalThis.performance?.now() ?? Date.now();
  return {
    get pending() {
      return pending;
    },
    ask() {
      if (pending) return;
      pending = true;
      setTimer(
        () => {
          pending = false;
          last = now();
          run();
        },
        Math.max(0, last + (typeof interval === 'number' ? interval : interval()) - now()),
      );
    },
  };
}

/**
 * Changed nodes (or mutation records) at once above which a page has changed wholesale: the
 * lookout looks at the whole page again instead (one read of a 30 KB page costs less than
 * looking at a thousand changed rows one by one), and the scanner's batch counts as heavy.
 */
export const MANY_CHANGES = 256;

/**
 * Doublings of the gap after which it stops growing: 16 times its base (4 s for a 250 ms gap).
 * A page that keeps rewriting itself is looked at less and less often; a claim that appears in it
 * is still seen, a few seconds later at most.
 */
const MAX_DOUBLINGS = 4;

/**
 * A gap between runs, for `throttle`'s `interval`: it doubles at each `grow` (after a heavy run,
 * up to MAX_DOUBLINGS) and is back at its base at `reset`.
 */
export class Backoff {
  private doublings = 0;

  constructor(private readonly base: number) {}

  get interval(): number {
    return this.base * 2 ** Math.min(this.doublings, MAX_DOUBLINGS);
  }

  grow(): void {
    this.doublings++;
  }

  reset(): void {
    this.doublings = 0;
  }
}
