import type { Lexicon } from './types';
import {
  type Atom,
  classNames,
  isAnchored,
  literalWords,
  PatternError,
  parseWordPattern,
  type Sequence,
} from './word-pattern';

/**
 * Claim patterns run on sentences encoded one character per word (see src/match/encode.ts):
 * each vocabulary word is a private-use character, any other word is OTHER, a number is NUMBER,
 * punctuation stays itself, and tokens are joined by single spaces. A word class then compiles
 * to a character class of a few ranges, so the joined pattern of every rule is small, compiles
 * in a few milliseconds and lets V8 reject most positions on their first character.
 */
export const OTHER = '\ue000';
export const NUMBER = '\ue001';
/** Phrase markers: \ue002 for the first phrase class, and so on. */
const FIRST_PHRASE = 0xe002;
export const FIRST_WORD = 0xe010;
const LAST_WORD = 0xf8ff;
/** Any word token (vocabulary, other or number); never punctuation or a space. */
const ANY_WORD = '[\ue000-\uf8ff]';

/** A code as itself: private-use characters need no escaping and keep the source short. */
function escapeCode(code: number): string {
  return String.fromCharCode(code);
}

/** A character class for a set of codes, with runs written as ranges. */
function charClass(codes: readonly number[]): string {
  const sorted = [...new Set(codes)].sort((a, b) => a - b);
  if (sorted.length === 1) return escapeCode(sorted[0] as number);
  let out = '';
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    const from = sorted[i] as number;
    const to = sorted[j] as number;
    out +=
      to === from
        ? escapeCode(from)
        : to === from + 1
          ? escapeCode(from) + escapeCode(to)
          : `${escapeCode(from)}-${escapeCode(to)}`;
    i = j + 1;
  }
  return `[${out}]`;
}

/** Splits an entry such as "get rid of" or "bye-bye" into its words. */
export function entryWords(entry: string): string[] {
  return entry.split(/[ -]+/).filter(Boolean);
}

/** The words (as lists, for multi-word entries) of a word class, inflected. */
export function classEntries(lexicon: Lexicon, name: string): string[][] {
  const cls = lexicon.classes.get(name);
  return cls ? cls.words.map(entryWords) : [];
}

interface TrieNode {
  end: boolean;
  children: Map<number, TrieNode>;
}

/**
 * Regex for sequences of word codes, sharing prefixes; the children of a node that end there
 * and go no further become one character class. Longer continuations come first.
 */
function tokenTrie(sequences: readonly (readonly number[])[]): string {
  const root: TrieNode = { end: false, children: new Map() };
  for (const sequence of sequences) {
    let node = root;
    for (const code of sequence) {
      let next = node.children.get(code);
      if (!next) {
        next = { end: false, children: new Map() };
        node.children.set(code, next);
      }
      node = next;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    const leaves: number[] = [];
    const branches: string[] = [];
    for (const [code, child] of node.children) {
      if (child.children.size === 0) leaves.push(code);
      else branches.push(`${escapeCode(code)}${child.end ? `(?: ${emit(child)})?` : ` ${emit(child)}`}`);
    }
    const parts = [...branches, ...(leaves.length > 0 ? [charClass(leaves)] : [])];
    return parts.length === 1 ? (parts[0] as string) : `(?:${parts.join('|')})`;
  };
  return emit(root);
}

export class WordPatternCompiler {
  /** Word → code, in code order. */
  readonly vocabulary: readonly string[];
  private readonly codes: Map<string, number>;
  private readonly sources = new Map<string, string>();
  private readonly parsed = new Map<string, Sequence>();
  private readonly resolving = new Set<string>();
  private readonly gapWord: string;
  /** Phrase class → marker, in phrase order. */
  private readonly markers = new Map<string, string>();
  /** While compiling a phrase's own pattern, phrases are written out instead of marked. */
  private expandingPhrase = false;

  /**
   * `patterns` are the claim patterns (parsed); the vocabulary is every word they and the
   * classes they use can match. Words are numbered class by class so a class is few ranges.
   */
  constructor(
    private readonly lexicon: Lexicon,
    patterns: readonly Sequence[],
  ) {
    const words = new Map<string, Set<string>>(); // word → classes it is a one-word member of
    const add = (word: string, cls?: string) => {
      const set = words.get(word) ?? new Set<string>();
      if (cls) set.add(cls);
      words.set(word, set);
    };
    const visit = (sequence: Sequence) => {
      for (const word of literalWords(sequence)) add(word);
      for (const name of classNames(sequence)) this.visitClass(name, add, visit);
    };
    for (const pattern of patterns) visit(pattern);
    for (const entry of classEntries(lexicon, 'negator'))
      for (const word of entry) add(word, entry.length === 1 ? 'negator' : undefined);
    const ordered = [...words.entries()]
      .map(([word, classes]) => ({ word, signature: [...classes].sort().join(',') }))
      .sort((a, b) => (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : a.word < b.word ? -1 : 1));
    if (FIRST_WORD + ordered.length > LAST_WORD)
      throw new PatternError(`too many words (${ordered.length}) for the encoding`);
    for (const [name, cls] of lexicon.classes) {
      if (cls.phrase) this.markers.set(name, String.fromCharCode(FIRST_PHRASE + this.markers.size));
    }
    if (FIRST_PHRASE + this.markers.size > FIRST_WORD) throw new PatternError('too many phrase classes');
    this.vocabulary = ordered.map((w) => w.word);
    this.codes = new Map(ordered.map((w, i) => [w.word, FIRST_WORD + i]));
    const negators = classEntries(lexicon, 'negator')
      .filter((e) => e.length === 1)
      .map((e) => this.codes.get(e[0] as string) as number);
    this.gapWord = negators.length > 0 ? `(?!${charClass(negators)})${ANY_WORD}` : ANY_WORD;
  }

  private visitClass(name: string, add: (word: string, cls?: string) => void, visit: (s: Sequence) => void): void {
    if (name === 'number' || this.parsed.has(name) || this.resolving.has(name)) return;
    const cls = this.lexicon.classes.get(name);
    if (!cls) throw new PatternError(`unknown word class {${name}}`);
    if (cls.pattern) {
      this.resolving.add(name);
      const sequence = parseWordPattern(cls.pattern);
      this.parsed.set(name, sequence);
      visit(sequence);
      this.resolving.delete(name);
    } else {
      this.parsed.set(name, []);
      for (const entry of cls.words.map(entryWords))
        for (const word of entry) add(word, entry.length === 1 ? name : undefined);
    }
  }

  /** Regex source for a parsed claim pattern. */
  compile(sequence: Sequence): string {
    return this.sequence(sequence, false);
  }

  /** The phrase classes used by the claim patterns, each with its marker and own source. */
  phrases(): { name: string; marker: string; source: string }[] {
    const out: { name: string; marker: string; source: string }[] = [];
    for (const [name, marker] of this.markers) {
      const sequence = this.parsed.get(name);
      if (!sequence) continue; // not used by any claim pattern
      this.expandingPhrase = true;
      try {
        out.push({ name, marker, source: this.sequence(sequence, false) });
      } finally {
        this.expandingPhrase = false;
      }
    }
    return out;
  }

  private code(word: string): string {
    const code = this.codes.get(word);
    if (code === undefined) throw new PatternError(`"${word}" is not in the vocabulary`);
    return escapeCode(code);
  }

  /** A set of word lists as a trie of codes: "fat (cells|deposits)" shares "fat". */
  private entries(entries: readonly (readonly string[])[]): string {
    for (const entry of entries) for (const word of entry) this.code(word); // every word must be known
    return tokenTrie(entries.map((e) => e.map((w) => this.codes.get(w) as number)));
  }

  private classSource(name: string): string {
    if (name === 'number') return escapeCode(NUMBER.charCodeAt(0));
    const marker = this.markers.get(name);
    if (marker && !this.expandingPhrase) return marker;
    const key = `${name}${this.expandingPhrase ? '' : ':marked'}`;
    const cached = this.sources.get(key);
    if (cached !== undefined) return cached;
    const cls = this.lexicon.classes.get(name);
    if (!cls) throw new PatternError(`unknown word class {${name}}`);
    if (this.resolving.has(name)) throw new PatternError(`word class {${name}} refers to itself`);
    this.resolving.add(name);
    try {
      const source = cls.pattern
        ? `(?:${this.sequence(this.parsed.get(name) ?? parseWordPattern(cls.pattern), false)})`
        : this.entries(cls.words.map(entryWords));
      this.sources.set(key, source);
      return source;
    } finally {
      this.resolving.delete(name);
    }
  }

  private atom(atom: Atom): string {
    switch (atom.kind) {
      case 'word':
        return this.entries(atom.forms);
      case 'punct':
        return atom.char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      case 'class':
        return this.classSource(atom.name);
      case 'group':
        return `(?:${atom.alternatives.map((a) => this.sequence(a, false)).join('|')})`;
      default:
        throw new PatternError(`unexpected ${atom.kind}`);
    }
  }

  /**
   * Items joined by single spaces. Until a required item is written, optional ones carry their
   * space after them; from then on, before them, so no space is ever left dangling.
   */
  private sequence(items: Sequence, continues: boolean): string {
    let out = '';
    let seenRequired = continues;
    for (const { atom, quantifier } of items) {
      const first = !seenRequired;
      if (atom.kind === 'look') {
        const body = this.sequence(atom.body, false);
        out += `(?${atom.negative ? '!' : '='}${first && out === '' ? '' : ' '}${body})`;
        continue;
      }
      if (atom.kind === 'gap') {
        out += first ? `(?:${this.gapWord} ){0,${atom.max}}` : `(?: ${this.gapWord}){0,${atom.max}}`;
        continue;
      }
      const body = this.atom(atom);
      if (quantifier === '') {
        out += first ? body : ` ${body}`;
        seenRequired = true;
      } else if (quantifier === '?') out += first ? `(?:${body} )?` : `(?: ${body})?`;
      else if (quantifier === '*') out += first ? `(?:${body} )*` : `(?: ${body})*`;
      else {
        out += `${first ? '' : ' '}${body}(?: ${body})*`;
        seenRequired = true;
      }
    }
    if (!seenRequired && !continues) throw new PatternError('needs at least one word that is not optional');
    return out;
  }

  /** True when the sequence must contain an anchor stem (see word-pattern.ts). */
  anchored(sequence: Sequence, stems: readonly RegExp[]): boolean {
    const wordAnchored = (words: readonly string[]) => stems.some((stem) => stem.test(words.join(' ')));
    const memo = new Map<string, boolean>();
    const classAnchored = (name: string): boolean => {
      const known = memo.get(name);
      if (known !== undefined) return known;
      memo.set(name, false); // a class that refers to itself is not anchored through itself
      const cls = this.lexicon.classes.get(name);
      const result = !cls
        ? false
        : cls.pattern
          ? isAnchored(this.parsed.get(name) ?? parseWordPattern(cls.pattern), wordAnchored, classAnchored)
          : cls.words.length > 0 && cls.words.every((w) => wordAnchored(entryWords(w)));
      memo.set(name, result);
      return result;
    };
    return isAnchored(sequence, wordAnchored, classAnchored);
  }
}
