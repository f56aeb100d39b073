import type { Scheduler } from './scanner';

export interface IdleHost {
  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number;
}

/** How long one slice of work may run, so no task of ours is long enough to make a page stutter. */
export const SLICE_MS = 8;

/**
 * Runs scanner work in idle periods (WXT's `ctx.requestIdleCallback`, which stops when the
 * extension is updated or removed), a slice at a time. The timeout keeps work moving on pages
 * that are never idle. `onSlice` is told how long each slice took (for the benchmark).
 */
export function idleScheduler(host: IdleHost, onSlice?: (ms: number) => void): Scheduler {
  return (work) => {
    host.requestIdleCallback(
      (deadline) => {
        const start = performance.now();
        work(() => deadline.timeRemaining() < 1 || performance.now() - start > SLICE_MS);
        onSlice?.(performance.now() - start);
      },
      { timeout: 1000 },
    );
  };
}
