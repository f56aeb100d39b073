/** Something wrong in a rules file, precise enough to jump to. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Thrown when rules cannot be used; carries every problem found, not just the first. */
export class RulesError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`${problems.length} problem(s) in the rules:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'RulesError';
  }
}
