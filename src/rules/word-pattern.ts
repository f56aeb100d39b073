/**
 * Claim patterns work on words. A pattern is a sequence of items, separated by spaces:
 *
 *   word        melts, fat-burning (a hyphen joins two words), creams? (optional last letter)
 *   , & + / :   punctuation, as written (`\+` also works; a question mark is `\?`)
 *   {class}     a word class from the lexicon; {class?} optional, {class*} any number
 *   {number}    any number written in digits
 *   ~N          up to N other words (never a negation, never across punctuation)
 *   (a|b c)     alternatives; `(?:...)` is the same; (...)? optional, (...)* any number, (...)+ one or more
 *   (?= ...)    the words that must follow; (?! ...) the words that must not
 *
 * This module parses that language into a small tree; `word-regex.ts` turns the tree into a
 * regex over encoded sentences (one character per word).
 */

export class PatternError extends Error {}

export type Quantifier = '' | '?' | '*' | '+';

export type Atom =
  | { readonly kind: 'word'; readonly forms: readonly (readonly string[])[] }
  | { readonly kind: 'punct'; readonly char: string }
  | { readonly kind: 'class'; readonly name: string }
  | { readonly kind: 'gap'; readonly max: number }
  | { readonly kind: 'group'; readonly alternatives: readonly Sequence[] }
  | { readonly kind: 'look'; readonly negative: boolean; readonly body: Sequence };

export interface Item {
  readonly atom: Atom;
  readonly quantifier: Quantifier;
}

export type Sequence = readonly Item[];

const PUNCT = new Set([',', ';', ':', '&', '+', '/', '%', '.', '!', '=', '$', '€', '£', '#', '@', '*']);
const WORD_CHAR = /[a-z0-9'\u00c0-\u024f-]/;
export const GAP_LIMIT = 4;

/** Parses a claim pattern; throws PatternError saying what is wrong and where. */
export function parseWordPattern(text: string): Sequence {
  const parser = new Parser(text.trim());
  const sequence = parser.sequence();
  if (!parser.done()) parser.fail(`unexpected "${parser.peek()}"`);
  if (sequence.length === 0) throw new PatternError('empty pattern');
  return sequence;
}

class Parser {
  private at = 0;

  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length;
  }

  peek(): string {
    return this.text[this.at] ?? '';
  }

  fail(message: string): never {
    throw new PatternError(`${message} at column ${this.at + 1}`);
  }

  private skipSpaces(): void {
    while (this.peek() === ' ') this.at++;
  }

  /** Items up to the end of the text, a ")" or a "|". */
  sequence(): Item[] {
    const items: Item[] = [];
    for (;;) {
      this.skipSpaces();
      const ch = this.peek();
      if (ch === '' || ch === ')' || ch === '|') return items;
      const { atom, quantifier } = this.atom();
      items.push({ atom, quantifier: quantifier || this.quantifier(atom) });
    }
  }

  private quantifier(atom: Atom): Quantifier {
    const ch = this.peek();
    if (ch !== '?' && ch !== '*' && ch !== '+') return '';
    if (atom.kind === 'gap' || atom.kind === 'look') this.fail(`"${ch}" cannot follow a gap or a look-ahead`);
    this.at++;
    return ch;
  }

  /** One atom; a class written {name?} carries its own quantifier. */
  private atom(): { atom: Atom; quantifier: Quantifier } {
    const ch = this.peek();
    if (ch === '(') return { atom: this.group(), quantifier: '' };
    if (ch === '{') return this.classRef();
    if (ch === '~') return { atom: this.gap(), quantifier: '' };
    if (ch === '\\') {
      const escaped = this.text[this.at + 1] ?? '';
      // "\?" is a question mark ("Belly fat\? Gone."); unescaped, "?" makes what it follows optional.
      if (!PUNCT.has(escaped) && escaped !== '?') this.fail(`"\\${escaped}" is not allowed in a word pattern`);
      this.at += 2;
      return { atom: { kind: 'punct', char: escaped }, quantifier: '' };
    }
    if (PUNCT.has(ch)) {
      this.at++;
      return { atom: { kind: 'punct', char: ch }, quantifier: '' };
    }
    if (
      (ch === '-' && !WORD_CHAR.test(this.text[this.at + 1] ?? ' ')) ||
      (ch === '-' && this.text[this.at + 1] === '(')
    ) {
      // a hyphen between two items joins them like a space: (electro|electric)-(burn|burns)
      this.at++;
      return this.atom();
    }
    if (WORD_CHAR.test(ch)) return { atom: this.word(), quantifier: '' };
    return this.fail(`"${ch}" is not allowed in a word pattern (words, punctuation, {class}, ~N and groups only)`);
  }

  private group(): Atom {
    this.at++; // (
    let look: 'ahead' | 'not' | undefined;
    if (this.text.startsWith('?:', this.at)) this.at += 2;
    else if (this.text.startsWith('?=', this.at)) {
      look = 'ahead';
      this.at += 2;
    } else if (this.text.startsWith('?!', this.at)) {
      look = 'not';
      this.at += 2;
    } else if (this.peek() === '?') this.fail('only (?: (?= and (?! groups are allowed');
    const alternatives: Item[][] = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      alternatives.push(this.sequence());
    }
    if (this.peek() !== ')') this.fail('unbalanced "("');
    this.at++;
    if (look) {
      const body: Item[] =
        alternatives.length === 1
          ? (alternatives[0] as Item[])
          : [{ atom: { kind: 'group', alternatives }, quantifier: '' }];
      return { kind: 'look', negative: look === 'not', body };
    }
    if (alternatives.some((a) => a.length === 0))
      this.fail('an empty alternative; make the group optional with (...)? instead');
    return { kind: 'group', alternatives };
  }

  private classRef(): { atom: Atom; quantifier: Quantifier } {
    const close = this.text.indexOf('}', this.at);
    if (close < 0) this.fail('unclosed "{"');
    const inner = this.text.slice(this.at + 1, close);
    const m = /^([a-z_]+)([?*+]?)$/.exec(inner);
    if (!m) this.fail(`"{${inner}}" is not a class name`);
    this.at = close + 1;
    return { atom: { kind: 'class', name: m[1] as string }, quantifier: (m[2] ?? '') as Quantifier };
  }

  private gap(): Atom {
    if (this.at > 0 && !/[ (|]/.test(this.text[this.at - 1] ?? ''))
      this.fail('a gap such as ~2 must stand alone between spaces');
    const m = /^~(\d)/.exec(this.text.slice(this.at));
    const max = Number(m?.[1]);
    if (!m || max < 1 || max > GAP_LIMIT) this.fail(`a gap is ~1 to ~${GAP_LIMIT}`);
    this.at += 2;
    if (this.at < this.text.length && !/[ )|]/.test(this.peek()))
      this.fail('a gap such as ~2 must stand alone between spaces');
    return { kind: 'gap', max };
  }

  /** A word, or words joined by hyphens; a "?" after a letter makes that letter optional. */
  private word(): Atom {
    const start = this.at;
    while (this.at < this.text.length) {
      const ch = this.peek();
      if (WORD_CHAR.test(ch)) this.at++;
      else if (ch === '?' && WORD_CHAR.test(this.text[this.at - 1] ?? '') && this.text[this.at - 1] !== '-') this.at++;
      else break;
    }
    const written = this.text.slice(start, this.at);
    // "creams?" is a word with an optional letter; a "?" that ends a word ending in "-" is not.
    return { kind: 'word', forms: expandWord(written).map((form) => form.split('-').filter(Boolean)) };
  }
}

/** "creams?" → ["cream", "creams"]; "roll-ons?" → ["roll-on", "roll-ons"]. */
function expandWord(written: string): string[] {
  let forms = [''];
  for (let i = 0; i < written.length; i++) {
    const ch = written[i] as string;
    if (written[i + 1] === '?') {
      forms = forms.flatMap((f) => [f, f + ch]);
      i++;
    } else {
      forms = forms.map((f) => f + ch);
    }
  }
  return [...new Set(forms)].filter((f) => f.replace(/-/g, '') !== '');
}

/** Every literal word a sequence uses (for the vocabulary). */
export function literalWords(sequence: Sequence, into: Set<string> = new Set()): Set<string> {
  for (const { atom } of sequence) {
    if (atom.kind === 'word') for (const form of atom.forms) for (const word of form) into.add(word);
    else if (atom.kind === 'group') for (const alternative of atom.alternatives) literalWords(alternative, into);
    else if (atom.kind === 'look') literalWords(atom.body, into);
  }
  return into;
}

/** Class names a sequence uses anywhere. */
export function classNames(sequence: Sequence, into: Set<string> = new Set()): Set<string> {
  for (const { atom } of sequence) {
    if (atom.kind === 'class') into.add(atom.name);
    else if (atom.kind === 'group') for (const alternative of atom.alternatives) classNames(alternative, into);
    else if (atom.kind === 'look') classNames(atom.body, into);
  }
  return into;
}

/** A group of plain one-word-or-phrase alternatives, seen as one word item with all their forms. */
function asWords(item: Item): (readonly string[])[] | undefined {
  const { atom } = item;
  if (atom.kind === 'word') return atom.forms.map((f) => [...f]);
  if (atom.kind !== 'group') return undefined;
  const forms: (readonly string[])[] = [];
  for (const alternative of atom.alternatives) {
    if (alternative.some((i) => i.quantifier !== '')) return undefined;
    let combined: string[][] = [[]];
    for (const part of alternative) {
      const partForms = asWords(part);
      if (!partForms) return undefined;
      combined = combined.flatMap((c) => partForms.map((f) => [...c, ...f]));
    }
    forms.push(...combined);
  }
  return forms;
}

const MAX_COMBINATIONS = 2000;

/**
 * True when every match of the sequence must contain an anchor: some run of consecutive required
 * words holds an anchor stem in every combination of its forms (so "spot" then "reduce|burn"
 * counts for the stem "spot reduc"), or a required class is anchored, or a required group has
 * every alternative anchored. The first pass looks only for anchors, so an unanchored pattern
 * could never fire.
 */
export function isAnchored(
  sequence: Sequence,
  wordAnchored: (words: readonly string[]) => boolean,
  classAnchored: (name: string) => boolean,
): boolean {
  let run: (readonly string[])[] = [];
  for (const item of sequence) {
    const { atom, quantifier } = item;
    const words = quantifier === '' ? asWords(item) : undefined;
    if (words) {
      const next = run.length === 0 ? words : run.flatMap((r) => words.map((w) => [...r, ...w]));
      if (next.length <= MAX_COMBINATIONS) {
        run = next;
        if (run.every(wordAnchored)) return true;
        continue;
      }
    }
    run = [];
    if (quantifier === '?' || quantifier === '*') continue;
    if (atom.kind === 'class' && classAnchored(atom.name)) return true;
    if (atom.kind === 'group' && atom.alternatives.every((a) => isAnchored(a, wordAnchored, classAnchored)))
      return true;
  }
  return false;
}
