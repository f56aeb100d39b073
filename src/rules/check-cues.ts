import { cueRuleOf } from '../match/matcher';
import type { Problem } from './problems';
import type { CompiledRules, RuleSet } from './types';

/** Spellings of one cue checked at most (a cue of nested groups can spell thousands). */
const MAX_SPELLINGS = 64;

/**
 * Cues are tried in order at each place in the text, and the first that fits wins, even when a
 * longer one would fit too. "crunch" listed before "crunch machine" leaves "machine" to the
 * devices' rule, whose card then explains an exercise machine. So: every spelling a cue lists
 * must be found whole by the rules' cue search, not cut short by another cue.
 */
export function checkCues(set: RuleSet, compiled: CompiledRules): Problem[] {
  const problems: Problem[] = [];
  const search = new RegExp(compiled.cues, 'g');
  for (const rule of set.rules) {
    for (const cue of rule.cues) {
      for (const spelling of spellings(cue.text)) {
        search.lastIndex = 0;
        const found = search.exec(spelling);
        if (found?.index !== 0 || found[0].length >= spelling.length) continue;
        problems.push({
          file: cue.file,
          line: cue.line,
          message: `cue "${spelling}" is cut short by the cue "${found[0]}" of ${set.rules[cueRuleOf(found, compiled) ?? -1]?.id}, which comes first: list the longer one first`,
        });
        break; // one report per cue line
      }
    }
  }
  return problems;
}

/**
 * The texts a cue spells, for the plain parts of its syntax: words, `x?` after a letter,
 * `(a|b)` and `(a|b)?`. Alternatives with any other syntax (`\w*`, classes, look-arounds) are
 * left out: they cannot be spelt out, and are checked no further.
 */
export function spellings(source: string): string[] {
  const parsed = parseAlternatives(source, 0);
  return parsed.end === source.length ? parsed.texts.slice(0, MAX_SPELLINGS) : [];
}

interface Parsed {
  readonly texts: string[];
  readonly end: number;
}

/** `a|b|c` up to an unmatched `)` or the end; texts of the plain alternatives only. */
function parseAlternatives(source: string, start: number): Parsed {
  const texts: string[] = [];
  let at = start;
  for (;;) {
    const sequence = parseSequence(source, at);
    if (sequence.texts) texts.push(...sequence.texts);
    at = sequence.end;
    if (source[at] !== '|') break;
    at++;
  }
  return { texts: texts.slice(0, MAX_SPELLINGS * 4), end: at };
}

/** One alternative: its texts, or `undefined` when it uses syntax that is not spelt out. */
function parseSequence(source: string, start: number): { texts: string[] | undefined; end: number } {
  let texts = [''];
  let at = start;
  while (at < source.length && source[at] !== '|' && source[at] !== ')') {
    const char = source[at] as string;
    let options: string[] | undefined;
    if (char === '(') {
      // A look-around or other group syntax: this alternative is not spelt out.
      if (source[at + 1] === '?') return { texts: undefined, end: skipAlternative(source, at) };
      const inner = parseAlternatives(source, at + 1);
      if (source[inner.end] !== ')') return { texts: undefined, end: source.length };
      options = inner.texts;
      at = inner.end + 1;
    } else if (/[a-z0-9 '-]/.test(char)) {
      options = [char];
      at++;
    } else {
      // Anything else (\w, [...], *, +, .): this alternative is not spelt out; skip to its end.
      return { texts: undefined, end: skipAlternative(source, at) };
    }
    if (source[at] === '?') {
      options = [...options, ''];
      at++;
    }
    if (source[at] === '*' || source[at] === '+') return { texts: undefined, end: skipAlternative(source, at) };
    texts = texts.flatMap((text) => options.map((option) => text + option)).slice(0, MAX_SPELLINGS * 4);
  }
  return { texts, end: at };
}

/** The end of the alternative `start` is in: the next `|` or unmatched `)` at this depth. */
function skipAlternative(source: string, start: number): number {
  let depth = 0;
  for (let at = start; at < source.length; at++) {
    const char = source[at];
    if (char === '\\') at++;
    else if (char === '(') depth++;
    else if (char === ')') {
      if (depth === 0) return at;
      depth--;
    } else if (char === '|' && depth === 0) return at;
  }
  return source.length;
}
