import { WORD_END, WORD_START } from '../rules/compile';
import type { CompiledRules } from '../rules/types';

export interface Found {
  readonly pattern: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Every claim pattern joined into one regex, compiled once per page: patterns that start with
 * the same word class share one copy of it, `(?:CLASS(?:(rest1)|(rest2)))`, which keeps the
 * regex small enough to compile quickly. Patterns that only count near a cue are included too;
 * when one matches without its cue, the patterns after it are tried at the same spot, so a
 * rejected match never hides another.
 */
export class ClaimSearch {
  private readonly regex: RegExp;
  /** Capture group number → pattern index. */
  private readonly groupPattern: number[] = [];
  private readonly single = new Map<number, RegExp>();

  constructor(private readonly compiled: CompiledRules) {
    type Item = { single: number } | { head: string; members: number[] };
    const items: Item[] = [];
    const byHead = new Map<string, { head: string; members: number[] }>();
    compiled.patterns.forEach((pattern, index) => {
      if (pattern.head === undefined || pattern.tail === undefined) {
        items.push({ single: index });
        return;
      }
      let item = byHead.get(pattern.head);
      if (!item) {
        item = { head: pattern.head, members: [] };
        byHead.set(pattern.head, item);
        items.push(item);
      }
      item.members.push(index);
    });
    const branches: string[] = [];
    this.groupPattern.push(-1); // group 0 is the whole match
    for (const item of items) {
      if ('single' in item) {
        branches.push(`(${compiled.patterns[item.single]?.source})`);
        this.groupPattern.push(item.single);
      } else {
        const tails = item.members.map((m) => `(${compiled.patterns[m]?.tail})`);
        branches.push(`(?:${compiled.heads[item.head]}(?:${tails.join('|')}))`);
        this.groupPattern.push(...item.members);
      }
    }
    this.regex = new RegExp(`${WORD_START}(?:${branches.join('|')})${WORD_END}`, 'g');
  }

  /** The first claim at or after `from` whose pattern `allowed` accepts. */
  next(text: string, from: number, allowed: (pattern: number) => boolean): Found | undefined {
    this.regex.lastIndex = from;
    for (let m = this.regex.exec(text); m; m = this.regex.exec(text)) {
      const pattern = this.groupPattern[m.findIndex((g, i) => i > 0 && g !== undefined)] ?? -1;
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
        regex = new RegExp(`${WORD_START}(?:${this.compiled.patterns[index]?.source})${WORD_END}`, 'y');
        this.single.set(index, regex);
      }
      regex.lastIndex = at;
      const m = regex.exec(text);
      if (m && m[0].length > 0) return { pattern: index, start: at, end: at + m[0].length };
    }
    return undefined;
  }
}
