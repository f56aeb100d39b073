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
