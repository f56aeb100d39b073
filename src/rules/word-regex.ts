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
 * to a character class of a few ranges, so each pattern is small, compiles in a fraction of a
 * millisecond and lets V8 reject most positions on their first character.
 */
export const OTHER = '\ue000';

/** Words too common to tell a claim from other text (for choosing what a pattern needs). */
const COMMON_WORDS = new Set(
  [
    'a an the your my our their his her its this that these those to in on of off for from with by at up out',
    'as and or but if so than then it is are was be been get go you we they i me us them what which who when',
    'where while how after before into over under about more most only just like right every each all any some',
    'can will not no one two new body part hard day week way make made use work see look need want keep help',
    // anchor words that fill size charts and nutrition panels
    'fat fats belly waist weight cm inch inches stomach',
  ]
    .join(' ')
    .split(' '),
);
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

/**
 * A set of codes as ranges, two characters each (first, last): "\ue010\ue01f,," is U+E010 to
 * U+E01F and the comma. Unambiguous for any character, and short because a class's words have
 * neighbouring codes.
 */
export function codeRanges(codes: Iterable<number>): string {
  const sorted = [...new Set(codes)].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    out += String.fromCharCode(sorted[i] as number, sorted[j] as number);
    i = j + 1;
  }
  return out;
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
 * Regex for sequences of word codes, sharing prefixes; the children of a node that continue
 * the same way (or not at all) become one character class: "[lose loses lost] fat", not three
 * branches. Longer continuations come first.
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
    const byRest = new Map<string, number[]>(); // continuation → the codes it follows
    for (const [code, child] of node.children) {
      const rest = child.children.size === 0 ? '' : child.end ? `(?: ${emit(child)})?` : ` ${emit(child)}`;
      const codes = byRest.get(rest);
      if (codes) codes.push(code);
      else byRest.set(rest, [code]);
    }
    const parts = [...byRest]
      .sort(([a], [b]) => Number(a === '') - Number(b === ''))
      .map(([rest, codes]) => charClass(codes) + rest);
    return parts.length === 1 ? (parts[0] as string) : `(?:${parts.join('|')})`;
  };
  return emit(root);
}

export class WordPatternCompiler {
  /** Word → code, in code order. */
  readonly vocabulary: readonly string[];
  private readonly codes: Map<string, number>;
  /** See `numberCodes`; found once. */
  private numbers: number[] | undefined;
  private readonly sources = new Map<string, string>();
  private readonly parsed = new Map<string, Sequence>();
  private readonly resolving = new Set<string>();
  private readonly gapWord: string;
  /** Phrase class → marker, in phrase order. */
  private readonly markers = new Map<string, string>();
  /** While compiling a phrase's own pattern, phrases are written out instead of marked. */
  private expandingPhrase = false;
  private anchorish: Set<number> | undefined;

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

  /**
   * What any match of a claim pattern must contain: one character of each returned set (written
   * as a character-class body). The matcher runs a pattern only on sentences that have them all,
   * so a page compiles only the patterns its sentences could match.
   */
  needs(sequence: Sequence): string[] {
    return [...new Set(this.required(sequence).map(codeRanges))];
  }

  /** The phrase classes used by the claim patterns, each with its marker, own source and needs. */
  phrases(): { name: string; marker: string; source: string; needs: string[] }[] {
    const out: { name: string; marker: string; source: string; needs: string[] }[] = [];
    for (const [name, marker] of this.markers) {
      const sequence = this.parsed.get(name);
      if (!sequence) continue; // not used by any claim pattern
      this.expandingPhrase = true;
      try {
        out.push({ name, marker, source: this.sequence(sequence, false), needs: this.needs(sequence) });
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

  /**
   * The codes a number can have: NUMBER, and the code of any number that is itself a word of some
   * pattern ("6" in "6-pack"), which the encoder gives its word code instead.
   */
  private numberCodes(): number[] {
    if (this.numbers) return this.numbers;
    this.numbers = [NUMBER.charCodeAt(0)];
    for (const [word, code] of this.codes) if (/^\d+(?:[.,]\d+)*$/.test(word)) this.numbers.push(code);
    return this.numbers;
  }

  private classSource(name: string): string {
    if (name === 'number') return charClass(this.numberCodes());
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
        return this.group(atom.alternatives);
      default:
        throw new PatternError(`unexpected ${atom.kind}`);
    }
  }

  /** One set of codes per required item of `sequence` that says what the item must contain. */
  private required(sequence: Sequence): Set<number>[] {
    const sets: Set<number>[] = [];
    for (const { atom, quantifier } of sequence) {
      if (quantifier !== '' && quantifier !== '+') continue;
      const set = this.atomNeeds(atom);
      if (set) sets.push(set);
    }
    return sets;
  }

  /**
   * Of several sets a match needs, the one that says most: any will do, so prefer one with few
   * anchor words or phrases (pages are full of "waist" and "fat"; "melts" is rare) and few
   * common words, then the smallest.
   */
  private mostTelling(sets: readonly Set<number>[]): Set<number> | undefined {
    const cost = (set: Set<number>) => [...set].reduce((sum, code) => sum + 1 + this.commonness(code), 0);
    return sets.reduce<Set<number> | undefined>(
      (best, set) => (!best || cost(set) < cost(best) ? set : best),
      undefined,
    );
  }

  /** The code of the word of a multi-word entry that says most: "rid" in "get rid of". */
  private telling(words: readonly string[]): number {
    const codes = words.map((word) => this.codes.get(word) as number);
    const cost = (i: number) => this.commonness(codes[i] as number) * 100 - (words[i] as string).length;
    let best = 0;
    for (let i = 1; i < codes.length; i++) if (cost(i) < cost(best)) best = i;
    return codes[best] as number;
  }

  /** How little a word says about a claim: most for common words, some for anchor words and phrases. */
  private commonness(code: number): number {
    this.anchorish ??= this.anchorCodes();
    const word = this.vocabulary[code - FIRST_WORD];
    if (word !== undefined && COMMON_WORDS.has(word)) return 1000;
    return this.anchorish.has(code) ? 100 : 0;
  }

  /** Codes of words that contain an anchor stem, and the phrase markers (which stand for such words). */
  private anchorCodes(): Set<number> {
    const stems = this.lexicon.anchors.filter((stem) => !/[ -]/.test(stem));
    const codes = new Set<number>([...this.markers.values()].map((m) => m.charCodeAt(0)));
    for (const [word, code] of this.codes) if (stems.some((stem) => word.startsWith(stem))) codes.add(code);
    return codes;
  }

  /** Codes one of which any match of `atom` contains; undefined when it could be any word. */
  private atomNeeds(atom: Atom): Set<number> | undefined {
    const smallest = (sets: Set<number>[]) => this.mostTelling(sets);
    switch (atom.kind) {
      case 'word':
        // Every word of a form is needed: take one that is not an anchor ("fat-burning": "burning").
        return new Set(atom.forms.map((form) => this.telling(form)));
      case 'punct':
        return new Set([atom.char.charCodeAt(0)]);
      case 'class':
        return this.classNeeds(atom.name, smallest);
      case 'group': {
        const union = new Set<number>();
        for (const alternative of atom.alternatives) {
          const set = smallest(this.required(alternative));
          if (!set) return undefined;
          for (const code of set) union.add(code);
        }
        return union;
      }
      default:
        return undefined; // gaps and lookarounds consume nothing that can be counted on
    }
  }

  private classNeeds(
    name: string,
    smallest: (sets: Set<number>[]) => Set<number> | undefined,
  ): Set<number> | undefined {
    if (name === 'number') return new Set(this.numberCodes());
    const marker = this.markers.get(name);
    if (marker && !this.expandingPhrase) return new Set([marker.charCodeAt(0)]);
    const cls = this.lexicon.classes.get(name);
    if (!cls || this.resolving.has(name)) return undefined;
    if (!cls.pattern) return new Set(cls.words.map((w) => this.telling(entryWords(w))));
    this.resolving.add(name);
    try {
      return smallest(this.required(this.parsed.get(name) ?? parseWordPattern(cls.pattern)));
    } finally {
      this.resolving.delete(name);
    }
  }

  /**
   * Alternatives, with each run of plain word sequences ("lose|loses|burn off") merged into one
   * trie of codes: a character class where a regex would otherwise try dozens of branches. Short
   * sources matter because the browser compiles a pattern on each page that needs it, in time
   * that grows with the source.
   */
  private group(alternatives: readonly Sequence[]): string {
    const parts: string[] = [];
    let run: string[][] = [];
    const flush = () => {
      if (run.length > 0) parts.push(this.entries(run));
      run = [];
    };
    for (const alternative of alternatives) {
      const words = plainWords(alternative);
      if (words) run.push(...words);
      else {
        flush();
        parts.push(this.sequence(alternative, false));
      }
    }
    flush();
    return `(?:${parts.join('|')})`;
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

/** The word lists a sequence of required plain words stands for (each word's forms multiplied out). */
function plainWords(sequence: Sequence): string[][] | undefined {
  let lists: string[][] = [[]];
  for (const { atom, quantifier } of sequence) {
    if (atom.kind !== 'word' || quantifier !== '') return undefined;
    lists = lists.flatMap((list) => atom.forms.map((form) => [...list, ...form]));
    if (lists.length > 64) return undefined; // rather a plain alternation than a huge trie
  }
  return lists.length > 0 && sequence.length > 0 ? lists : undefined;
}
