/**
 * The rules' pattern language, compiled to regex source for folded text (see rules/README.md):
 * - a space (or a hyphen inside a word list) matches one separator: a space or a hyphen, so
 *   `belly fat` finds "belly-fat" and '"belly" fat' (quotes fold to spaces); spaces at the edges of
 *   an optional group, as in `(the )?`, are dropped so they never ask for a second separator;
 * - `{name}` is a word class from the lexicon, `{name?}` makes it optional, `{name*}` allows it
 *   any number of times (a `*`, not a count: V8 unrolls counted repeats of big classes);
 * - `~N` allows up to N other words (never a negation, never across punctuation);
 * - anything else is regex; groups never capture, so rules cannot disturb the matcher.
 */

/** Folded text has single spaces and no quotes (see normalize.ts), so a separator is one character. */
export const SEP = '[ -]';
/**
 * An always-true assertion put before each token that follows another. V8 compiles a chain of
 * big alternations very slowly (its look-ahead analysis walks every branch into the next; 19 ms
 * for "negation, adverb, verb" alone); an assertion stops that walk at no cost to matching. Never
 * before a pattern's first token: there the same analysis finds the letters a match can start
 * with, which lets the regex skip ahead through text (context patterns run twice as fast).
 */
export const BARRIER = '(?=[^ -])';
/** A word a gap may skip: no punctuation that ends a clause, and never a negation. */
const GAP_WORD = `(?![a-z]*n't(?![a-z])|not(?![a-z])|no(?![a-z])|never(?![a-z]))[^ ,.!?;:|\\u2029]+`;
const GAP_LIMIT = 4;

export type ClassLookup = (name: string) => string | undefined;

export class PatternError extends Error {}

interface Token {
  readonly text: string;
  readonly kind: 'required' | 'optional' | 'repeat' | 'gap';
  readonly gap?: number;
}

/** Splits on spaces that are not inside (), [] or {}. */
export function tokenize(pattern: string): string[] {
  const tokens: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '\\') {
      current += ch + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    if (ch === ')' || ch === ']' || ch === '}') depth--;
    if (depth < 0) throw new PatternError(`unbalanced "${ch}"`);
    if (ch === ' ' && depth === 0) {
      if (current) tokens.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (depth !== 0) throw new PatternError('unbalanced brackets');
  if (current) tokens.push(current);
  return tokens;
}

function classify(token: string): Token {
  const gap = /^~(\d)$/.exec(token);
  if (gap) {
    const n = Number(gap[1]);
    if (n < 1 || n > GAP_LIMIT) throw new PatternError(`a gap is ~1 to ~${GAP_LIMIT}, not ${token}`);
    return { text: token, kind: 'gap', gap: n };
  }
  const cls = /^\{([a-z_]+)([?*]?)\}$/.exec(token);
  if (cls) {
    const kind = cls[2] === '?' ? 'optional' : cls[2] === '*' ? 'repeat' : 'required';
    return { text: `{${cls[1]}}`, kind };
  }
  if (/(^|[^\\])~\d/.test(token))
    throw new PatternError(`a gap such as ~2 must stand alone between spaces (in "${token}")`);
  // A whole-token group followed by ? is optional in the same way as {name?}.
  if (/^\(.*\)\?$/.test(token) && balancedGroup(token.slice(0, -1))) {
    return { text: trimGroup(token.slice(0, -1)), kind: 'optional' };
  }
  return { text: token, kind: 'required' };
}

/** "(away |off )" → "(away|off)": the token's own separator is added around it. */
function trimGroup(group: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < group.length; i++) {
    const ch = group[i] as string;
    if (ch === '\\') {
      out += ch + (group[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    const edge = depth === 1 && ch === ' ' && (/[|)]/.test(group[i + 1] ?? '') || /[(|:]/.test(out.at(-1) ?? ''));
    if (!edge) out += ch;
  }
  return out;
}

function balancedGroup(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return depth === 0;
}

/** Regex source for one token's text: classes expanded, inner spaces made separators. */
function expandText(text: string, lookup: ClassLookup): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\') {
      out += ch + (text[i + 1] ?? '');
      i++;
    } else if (ch === '[') {
      // A character class is copied as written: a space inside it is a plain space.
      let close = i + 1;
      while (close < text.length && text[close] !== ']') close += text[close] === '\\' ? 2 : 1;
      if (close >= text.length) throw new PatternError('unclosed "["');
      out += text.slice(i, close + 1);
      i = close;
    } else if (ch === '{') {
      const close = text.indexOf('}', i);
      if (close < 0) throw new PatternError('unclosed "{"');
      const inner = text.slice(i + 1, close);
      if (/^\d*(,\d*)?$/.test(inner)) {
        out += `{${inner}}`; // a regex quantifier such as {2} or {1,3}
      } else {
        const ref = /^([a-z_]+)([?*]?)$/.exec(inner);
        const body = ref ? lookup(ref[1] as string) : undefined;
        if (!ref || body === undefined) throw new PatternError(`unknown word class {${inner}}`);
        out += ref[2] === '?' ? `(?:${body}${SEP})?` : ref[2] === '*' ? `(?:${body}${SEP})*` : body;
        // An optional class carries its own separator, so the space after it is already spent.
        if (ref[2] && text[close + 1] === ' ') i = close + 1;
        else i = close;
        continue;
      }
      i = close;
    } else if (ch === '(' && text[i + 1] !== '?') {
      out += '(?:';
    } else if (ch === ' ') {
      out += SEP;
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * Compiles one pattern to regex source (no anchors, no capture groups). With `continues`, the
 * pattern is the rest of a longer one whose first, required word is already written.
 */
export function compilePattern(pattern: string, lookup: ClassLookup, continues = false): string {
  const tokens = tokenize(pattern.trim()).map(classify);
  if (tokens.length === 0) throw new PatternError('empty pattern');
  if (!continues && tokens.every((t) => t.kind !== 'required'))
    throw new PatternError('needs at least one required word');
  let out = '';
  // Until a required token is written, optional ones carry their separator after them;
  // from then on, before them. Either way no separator is left dangling.
  let seenRequired = continues;
  for (const token of tokens) {
    const first = !seenRequired;
    if (token.kind === 'gap') {
      out += first ? `(?:${GAP_WORD}${SEP}){0,${token.gap}}` : `(?:${SEP}${GAP_WORD}){0,${token.gap}}`;
      continue;
    }
    const body = (first ? '' : BARRIER) + expandText(token.text, lookup);
    if (token.kind === 'required') {
      out += first ? body : SEP + body;
      seenRequired = true;
    } else if (token.kind === 'optional') out += first ? `(?:${body}${SEP})?` : `(?:${SEP}${body})?`;
    else out += first ? `(?:${body}${SEP})*` : `(?:${SEP}${body})*`;
  }
  try {
    new RegExp(out, 'i');
  } catch (error) {
    throw new PatternError(`does not compile: ${(error as Error).message}`);
  }
  return out;
}
