import type { CompiledRules } from '../rules/types';
import { Needs } from './needs';

export interface Found {
  readonly pattern: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Finds claims in encoded sentences. Only patterns whose needed words are all in the sentence are
 * run, each compiled the first time a sentence needs it: a page full of size charts and
 * nutrition panels compiles a few small patterns instead of one large alternation of all of
 * them (the browser compiles a regex when it first runs, in time that grows with its size).
 */
export class ClaimSearch {
  private readonly regexes: (RegExp | undefined)[] = [];
  private readonly needs: Needs;

  constructor(private readonly compiled: CompiledRules) {
    this.needs = new Needs(compiled.patterns.map((p) => p.needs));
  }

  /**
   * Every claim in encoded `text`, leftmost first and none overlapping. Where several patterns
   * match at the same place, the first one in rule order that `allowed` accepts wins, as in one
   * alternation of all patterns.
   */
  find(text: string, allowed: (pattern: number) => boolean): Found[] {
    const live = this.needs.possible(text);
    const next: (RegExpExecArray | null | undefined)[] = []; // each live pattern's next match
    const found: Found[] = [];
    for (let from = 0; live.length > 0; ) {
      let best: Found | undefined;
      for (let k = 0; k < live.length; k++) {
        const pattern = live[k] as number;
        let m = next[pattern];
        if (m === undefined || (m !== null && m.index < from)) {
          m = this.exec(pattern, text, from);
          next[pattern] = m;
        }
        if (m === null || (best && m.index >= best.start)) continue;
        // Asked only now: whether a cue-only pattern counts means looking for cues.
        if (!allowed(pattern)) {
          live.splice(k--, 1);
          continue;
        }
        best = { pattern, start: m.index, end: m.index + m[0].length };
      }
      if (!best) break;
      found.push(best);
      from = best.end;
    }
    return found;
  }

  /** How many patterns have been compiled so far. */
  get compiledCount(): number {
    return this.regexes.filter(Boolean).length;
  }

  private exec(pattern: number, text: string, from: number): RegExpExecArray | null {
    let regex = this.regexes[pattern];
    if (!regex) {
      regex = new RegExp(this.compiled.patterns[pattern]?.source ?? '(?!)', 'g');
      this.regexes[pattern] = regex;
    }
    regex.lastIndex = from;
    let m = regex.exec(text);
    while (m && m[0].length === 0) {
      regex.lastIndex = m.index + 1;
      m = regex.exec(text);
    }
    return m;
  }
}
