import type { CompiledRules } from '../rules/types';

export interface Found {
  readonly pattern: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Every claim pattern joined into one regex over encoded sentences, compiled once per page.
 * Patterns that only count near a cue are included too; when one matches without its cue, the
 * patterns after it are tried at the same spot, so a rejected match never hides another.
 */
export class ClaimSearch {
  private readonly regex: RegExp;
  private readonly single = new Map<number, RegExp>();

  constructor(private readonly compiled: CompiledRules) {
    this.regex = new RegExp(compiled.patterns.map((p) => `(${p.source})`).join('|'), 'g');
  }

  /** The first claim at or after `from` in encoded `text` whose pattern `allowed` accepts. */
  next(text: string, from: number, allowed: (pattern: number) => boolean): Found | undefined {
    this.regex.lastIndex = from;
    for (let m = this.regex.exec(text); m; m = this.regex.exec(text)) {
      const pattern = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
      if (m[0].length > 0 && allowed(pattern)) return { pattern, start: m.index, end: m.index + m[0].length };
      const other = m[0].length > 0 ? this.fallback(text, m.index, pattern, allowed) : undefined;
      if (other) return other;
      this.regex.lastIndex = m.index + 1;
    }
    return undefined;
  }

  /** Patterns after `rejected`, tried one by one at `at` (rare: a cue-only pattern without its cue). */
  private fallback(
    text: string,
    at: number,
    rejected: number,
    allowed: (pattern: number) => boolean,
  ): Found | undefined {
    for (let index = rejected + 1; index < this.compiled.patterns.length; index++) {
      if (!allowed(index)) continue;
      let regex = this.single.get(index);
      if (!regex) {
        regex = new RegExp(this.compiled.patterns[index]?.source ?? '(?!)', 'y');
        this.single.set(index, regex);
      }
      regex.lastIndex = at;
      const m = regex.exec(text);
      if (m && m[0].length > 0) return { pattern: index, start: at, end: at + m[0].length };
    }
    return undefined;
  }
}
