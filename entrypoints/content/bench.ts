/**
 * Timings for `npm run bench`, recorded only on pages that ask for them (<html data-spotcheck-bench>),
 * so ordinary pages pay nothing and their performance timeline is left alone.
 */
export interface BenchRecorder {
  slice(ms: number): void;
  /** The background answered a request after `ms` of matching. */
  matched(ms: number): void;
  passEnd(marks: number): void;
}

export function benchRecorder(doc: Document): BenchRecorder | undefined {
  const root = doc.documentElement;
  if (!root.hasAttribute('data-spotcheck-bench')) return undefined;
  const started = performance.now();
  let work = 0;
  let longest = 0;
  let slices = 0;
  let finished: number | undefined;
  let marks = 0;
  let background = 0;
  const write = () =>
    root.setAttribute(
      'data-spotcheck-bench',
      JSON.stringify({ started, finished, work, longest, slices, marks, background }),
    );
  return {
    slice(ms) {
      work += ms;
      longest = Math.max(longest, ms);
      slices++;
      write();
    },
    matched(ms) {
      // Counted until the first pass ends, like the page's own work.
      if (finished === undefined) background += ms;
      write();
    },
    passEnd(count) {
      // The first full pass is the one the benchmark times; later ones are re-scans.
      finished ??= performance.now();
      marks = count;
      write();
    },
  };
}
