/**
 * Timings for `npm run bench`, recorded only on pages that ask for them (<html data-spotcheck-bench>),
 * so ordinary pages pay nothing and their performance timeline is left alone.
 */
export interface BenchRecorder {
  slice(ms: number): void;
  passEnd(marks: number): void;
}

export function benchRecorder(doc: Document): BenchRecorder | undefined {
  const root = doc.documentElement;
  if (!root.hasAttribute('data-spotcheck-bench')) return undefined;
  const started = performance.now();
  let work = 0;
  let longest = 0;
  let slices = 0;
  return {
    slice(ms) {
      work += ms;
      longest = Math.max(longest, ms);
      slices++;
    },
    passEnd(marks) {
      root.setAttribute(
        'data-spotcheck-bench',
        JSON.stringify({ started, finished: performance.now(), work, longest, slices, marks }),
      );
    },
  };
}
