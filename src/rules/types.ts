/** Product families a claim can come from; `general` is a claim with no product named. */
export const CATEGORIES = [
  'general',
  'spot-exercise',
  'sweat-wrap',
  'topical',
  'ems',
  'vibration',
  'garment',
  'supplement-targeted',
  'device-other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Where {
  readonly file: string;
  readonly line: number;
}

/** A text that must (or must not) be flagged; checked for every rule by the test suite. */
export interface Example extends Where {
  readonly text: string;
}

export interface PatternSource extends Where {
  /** Pattern text in the rules syntax (see rules/README.md). */
  readonly text: string;
  /** Counts only when one of the rule's cues is near the claim. */
  readonly gated: boolean;
}

export interface Rule {
  readonly id: string;
  readonly category: Category;
  readonly myth: string;
  readonly verdict: string;
  readonly rebuttal: string;
  readonly explanation: string;
  readonly instead: string;
  readonly evidence: { readonly documents: readonly string[]; readonly references: readonly string[] };
  readonly cues: readonly PatternSource[];
  readonly patterns: readonly PatternSource[];
  readonly examples: { readonly match: readonly Example[]; readonly noMatch: readonly Example[] };
  readonly where: Where;
}

/** A named word class usable in patterns as `{name}`. */
export interface WordClass {
  readonly name: string;
  /** Literal words and phrases, already inflected and lower-cased. */
  readonly words: readonly string[];
  /** Or a pattern in the rules syntax that uses other classes. */
  readonly pattern?: string;
  /**
   * A phrase class (a noun phrase such as "your stubborn belly fat") is found once per sentence
   * by its own pattern and stands as one token in the sentence the claim patterns see, so its
   * pattern is compiled once instead of inside every claim pattern that uses it.
   */
  readonly phrase: boolean;
  readonly where: Where;
}

export interface Lexicon {
  readonly classes: ReadonlyMap<string, WordClass>;
  /** Stems the cheap first pass looks for; every claim must contain one. */
  readonly anchors: readonly string[];
  readonly where: Where;
}

export const CONTEXT_KINDS = [
  'negation',
  'not-negation',
  'mention',
  'debunk-sentence',
  'debunk-block',
  'debunk-page',
  'truthful',
  'off-topic',
] as const;
export type ContextKind = (typeof CONTEXT_KINDS)[number];

export type ContextCues = Readonly<Record<ContextKind, readonly PatternSource[]>>;

export interface SourceDocument {
  readonly id: string;
  readonly title: string;
  readonly file: string;
}

export interface Reference {
  readonly id: string;
  /** Short name shown on the card, e.g. "Vispute et al., 2011: six weeks of ab training". */
  readonly label: string;
  readonly kind: 'study' | 'regulator';
  readonly citation: string;
  readonly finding: string;
  readonly url?: string;
}

export interface Evidence {
  readonly documents: ReadonlyMap<string, SourceDocument>;
  readonly references: ReadonlyMap<string, Reference>;
}

export interface RuleSet {
  readonly rules: readonly Rule[];
  readonly lexicon: Lexicon;
  readonly context: ContextCues;
  readonly evidence: Evidence;
}

/** What the page shows about a rule: plain data, bundled into the extension. */
export interface RuleInfo {
  readonly id: string;
  readonly category: Category;
  readonly myth: string;
  readonly verdict: string;
  readonly rebuttal: string;
  readonly explanation: string;
  readonly instead: string;
  readonly documents: readonly SourceDocument[];
  readonly references: readonly Reference[];
}

export interface CompiledPhrase {
  readonly name: string;
  /** The one character that stands for a found phrase. */
  readonly marker: string;
  /** Regex source over encoded sentences. */
  readonly source: string;
  /** What a match needs, as for `CompiledPattern`. */
  readonly needs: readonly string[];
}

export interface CompiledPattern {
  readonly rule: number;
  readonly gated: boolean;
  /** Regex source over encoded sentences (one character per word), without capture groups. */
  readonly source: string;
  /**
   * Sets of characters a match must contain one of each, each written as ranges (see
   * `codeRanges`); a sentence lacking any set cannot match, so the pattern is not run.
   */
  readonly needs: readonly string[];
}

/** The rules compiled to regex sources; JSON-serialisable so builds can bundle it as data. */
export interface CompiledRules {
  readonly version: 1;
  /**
   * Finds any word of any stem at a word start, for testing one text node at a time, where
   * markup may split a stem ("<b>love</b> handles").
   */
  readonly fragments: string;
  /**
   * Any anchor stem, without word boundaries (case-insensitive use). The filters and the matcher
   * build their word-start searches from it; alone it serves the text of a whole page or shadow
   * root at once, where `textContent` joins blocks without a space ("Add to cartBelly wrap").
   */
  readonly anywhere: string;
  /** Phrase classes, in order: each found in the encoded sentence and replaced by its marker. */
  readonly phrases: readonly CompiledPhrase[];
  /** Words the claim patterns know, in code order: word i is encoded as `firstWord + i`. */
  readonly vocabulary: readonly string[];
  readonly firstWord: number;
  /**
   * Every claim pattern, specific rules first and general ones last: where several match at one
   * spot, the matcher takes the first.
   */
  readonly patterns: readonly CompiledPattern[];
  /** Every rule's cues in one alternation, general rules last; capture group i + 1 is `cueRules[i]`. */
  readonly cues: string;
  readonly cueRules: readonly number[];
  readonly context: Readonly<Record<ContextKind, string>>;
  readonly rules: readonly RuleInfo[];
}
