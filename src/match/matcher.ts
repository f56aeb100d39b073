import type { Category, CompiledRules, RuleInfo } from '../rules/types';
import { ContextJudge, type Dismissal } from './context';
import { createFilters, type Filters } from './filters';
import { combinedFinder, naiveFinder } from './finders';
import { normalize, toOriginal } from './normalize';
import { type Span, sentenceSpans, spanAt } from './sentences';

export interface Match {
  readonly rule: string;
  readonly category: Category;
  /** UTF-16 offsets into the text given to `match`. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface MatchOptions {
  /**
   * Text around the block that names the product (the page title, the product heading). Used
   * only to tell which product a claim is about, never searched for claims itself.
   */
  readonly context?: string;
}

/** A claim's words found but not flagged, and why (for tests and `scan --explain`). */
export interface Dismissed {
  readonly rule: string;
  readonly start: number;
  readonly end: number;
  readonly reason: Dismissal;
}

/** Finds claims; its `Filters` are the cheap first pass alone. */
export interface Matcher extends Filters {
  /** Claims in `text`, treated as one block (a paragraph, a list item, a review). */
  match(text: string, options?: MatchOptions): Match[];
  /** Like `match`, also listing what was found and dismissed. */
  explain(text: string, options?: MatchOptions): { matches: Match[]; dismissed: Dismissed[] };
  readonly rules: readonly RuleInfo[];
  rule(id: string): RuleInfo | undefined;
}

interface CueHit {
  readonly rule: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Builds the matcher from compiled rules. Work is proportional to what can matter: a first pass
 * looks for anchor stems in the raw text (one regex); only sentences holding an anchor are folded
 * and searched, with only the claim patterns whose words they hold; context and cues are read only around
 * claims that were found.
 */
export interface MatcherOptions {
  /** `naive` is the baseline: every sentence, one regex per pattern (benchmarks and tests). */
  readonly finder?: 'combined' | 'naive';
}

export function createMatcher(compiled: CompiledRules, settings: MatcherOptions = {}): Matcher {
  const naive = settings.finder === 'naive';
  const filters = createFilters(compiled);
  // Stems at a word start in folded text, which has no "_" (the one place `\b` differs from
  // "not after a letter or digit"), in the form V8 runs fastest (see createFilters).
  const anchors = new RegExp(`\\b(?:${compiled.anywhere})`, 'g');
  /** A short question that names a fat area is the topic of the sentence after it (see sentenceSpans). */
  const anchor = new RegExp(anchors.source);
  const finder = naive ? naiveFinder(compiled) : combinedFinder(compiled);
  const byId = new Map(compiled.rules.map((rule) => [rule.id, rule]));
  const shared: Shared = {
    compiled,
    cues: new RegExp(compiled.cues, 'g'),
    judge: new ContextJudge(compiled.context),
    general: compiled.rules.map((rule) => rule.category === 'general'),
    activity: compiled.rules.map((rule) => rule.category === 'spot-exercise'),
  };

  const passes = (text: string) => naive || filters.mayContain(text);
  // Every block of a page comes with the same context: it is read once, not once per block.
  let lastPage: Page | undefined;
  const pageOf = (context: string | undefined): Page | undefined => {
    if (!context) return undefined;
    if (lastPage?.context !== context) lastPage = new Page(shared, context);
    return lastPage;
  };
  /** Everything after the first pass, which the caller has already run (or skipped, for naive). */
  const read = (text: string, options: MatchOptions): { matches: Match[]; dismissed: Dismissed[] } => {
    const matches: Match[] = [];
    const dismissed: Dismissed[] = [];

    const norm = normalize(text);
    const spans = sentenceSpans(norm.text, (question) => anchor.test(question));
    // A one-sentence block already passed the first pass; only longer blocks need it per sentence.
    const sentences = naive || spans.length === 1 ? spans : sentencesWithAnchors(norm.text, spans, anchors);
    if (sentences.length === 0) return { matches, dismissed };
    const block = new Block(shared, norm.text, pageOf(options.context));

    for (const sentence of sentences) {
      const slice = norm.text.slice(sentence[0], sentence[1]);
      for (const found of finder.find(slice, (pattern) => block.allows(pattern))) {
        const pattern = compiled.patterns[found.pattern];
        if (!pattern) continue;
        const claim: Span = [sentence[0] + found.start, sentence[0] + found.end];
        const [start, end] = toOriginal(norm, claim[0], claim[1]);
        const reason = block.dismissal(sentence, claim);
        if (reason) {
          dismissed.push({ rule: compiled.rules[pattern.rule]?.id ?? '', start, end, reason });
          continue;
        }
        const ruleIndex = shared.general[pattern.rule]
          ? (attribute([block.cuesIn(sentence), block.cuesInBlock(), block.cuesInPage()], claim, shared) ??
            pattern.rule)
          : pattern.rule;
        const rule = compiled.rules[ruleIndex];
        if (rule) matches.push({ rule: rule.id, category: rule.category, start, end, text: text.slice(start, end) });
      }
    }
    return { matches: withoutOverlaps(matches), dismissed };
  };

  return {
    // Most blocks fail the first pass: those are answered without building an explanation.
    match: (text, options = {}) => (passes(text) ? read(text, options).matches : []),
    explain: (text, options = {}) => (passes(text) ? read(text, options) : { matches: [], dismissed: [] }),
    ...filters,
    rules: compiled.rules,
    rule: (id) => byId.get(id),
  };
}

/** What every block's reading shares. */
interface Shared {
  readonly compiled: CompiledRules;
  readonly cues: RegExp;
  readonly judge: ContextJudge;
  /** Per rule: whether it is product-neutral ("general") and takes its rule from a cue. */
  readonly general: readonly boolean[];
  /** Per rule: whether its cues name an activity (running, crunches) rather than a product. */
  readonly activity: readonly boolean[];
}

/** The rule (its index) whose cue a match of `compiled.cues` is: capture group i + 1 is `cueRules[i]`. */
export function cueRuleOf(match: RegExpExecArray, compiled: Pick<CompiledRules, 'cueRules'>): number | undefined {
  const group = match.findIndex((g, i) => i > 0 && g !== undefined);
  return compiled.cueRules[group - 1];
}

function cueHits(shared: Shared, text: string, offset = 0): CueHit[] {
  const { cues, compiled } = shared;
  const hits: CueHit[] = [];
  cues.lastIndex = 0;
  for (let m = cues.exec(text); m; m = cues.exec(text)) {
    const rule = cueRuleOf(m, compiled);
    if (rule !== undefined) hits.push({ rule, start: m.index + offset, end: m.index + m[0].length + offset });
    if (m[0].length === 0) cues.lastIndex++;
  }
  return hits;
}

/** What the page context (title, heading) says, each part read the first time it is needed. */
class Page {
  private folded: string | undefined;
  private pageCues: CueHit[] | undefined;
  private pageDebunks: boolean | undefined;

  constructor(
    private readonly shared: Shared,
    readonly context: string,
  ) {}

  private text(): string {
    this.folded ??= normalize(this.context).text;
    return this.folded;
  }

  cues(): CueHit[] {
    this.pageCues ??= cueHits(this.shared, this.text());
    return this.pageCues;
  }

  /** Whether the title or heading frames the page as a look at the myth (see context.yaml). */
  debunks(): boolean {
    this.pageDebunks ??= this.shared.judge.pageDebunks(this.text());
    return this.pageDebunks;
  }
}

/**
 * One block's cues and context, each read the first time it is needed: most blocks that reach
 * the finder still hold no claim. (A class, not closures made per call: this is the hot path.)
 */
class Block {
  private blockCues: CueHit[] | undefined;
  private present: Set<number> | undefined;
  private masked: string | undefined;
  private debunks: boolean | undefined;

  constructor(
    private readonly shared: Shared,
    private readonly text: string,
    private readonly page: Page | undefined,
  ) {}

  cuesInBlock(): CueHit[] {
    this.blockCues ??= cueHits(this.shared, this.text);
    return this.blockCues;
  }

  /** The block's cues that lie inside `span` (one search of the block serves every sentence). */
  cuesIn(span: Span): CueHit[] {
    return this.cuesInBlock().filter((hit) => hit.start >= span[0] && hit.end <= span[1]);
  }

  cuesInPage(): CueHit[] {
    return this.page?.cues() ?? [];
  }

  /**
   * A cue-only pattern counts when its rule's cue is in the block or the page context (for a
   * general rule, any product cue).
   */
  allows(index: number): boolean {
    const pattern = this.shared.compiled.patterns[index];
    if (!pattern) return false;
    if (!pattern.gated) return true;
    this.present ??= new Set([...this.cuesInBlock(), ...this.cuesInPage()].map((hit) => hit.rule));
    return this.shared.general[pattern.rule] ? this.present.size > 0 : this.present.has(pattern.rule);
  }

  /** Why the claim at `claim` in `sentence` is not one, if it is not. */
  dismissal(sentence: Span, claim: Span): Dismissal | undefined {
    const { judge } = this.shared;
    this.masked ??= judge.mask(this.text);
    this.debunks ??= judge.blockDebunks(this.masked) || (this.page?.debunks() ?? false);
    return this.debunks ? 'debunk' : judge.dismiss(this.text, this.masked, sentence, claim);
  }
}

/** Sentences that hold at least one anchor stem, in order, each once. */
function sentencesWithAnchors(text: string, spans: readonly Span[], anchors: RegExp): Span[] {
  const found: Span[] = [];
  anchors.lastIndex = 0;
  for (let m = anchors.exec(text); m; m = anchors.exec(text)) {
    const span = spanAt(spans, m.index);
    if (span && found.at(-1) !== span) found.push(span);
    if (span) anchors.lastIndex = Math.max(anchors.lastIndex, span[1]);
    if (m[0].length === 0) anchors.lastIndex++;
  }
  return found;
}

/**
 * Which specific rule explains a product-neutral claim: the one whose cue is nearest the claim
 * in its sentence, else nearest in its block, else the first in the page context. A cue word
 * inside the claim usually names a body part ("bra bulge"), not the product, so it counts only
 * when there is no cue outside it: with only "this toning routine" beside "banish bra fat", the
 * claim stays the general rule's, not the bra's. At each level a product beats an activity: in
 * "wear the sauna vest on your run and sweat off belly fat" the claim is the vest's, the run is
 * when to wear it.
 */
function attribute(levels: CueHit[][], claim: Span, { general, activity }: Shared): number | undefined {
  const distance = (hit: CueHit) => Math.max(0, hit.start - claim[1], claim[0] - hit.end);
  const last = levels.length - 1;
  // Page-context offsets are not comparable with the claim's: those cues are always outside.
  const inside = (hit: CueHit, level: number) => level < last && hit.start >= claim[0] && hit.end <= claim[1];
  const outside = levels.some((hits, level) => hits.some((hit) => !inside(hit, level)));
  for (const [level, hits] of levels.entries()) {
    const specific = hits.filter((hit) => !general[hit.rule] && !(outside && inside(hit, level)));
    const products = specific.filter((hit) => !activity[hit.rule]);
    const candidates = products.length > 0 ? products : specific;
    if (candidates.length === 0) continue;
    if (level === last) return candidates[0]?.rule; // no distances there: the first cue wins
    return candidates.reduce((best, hit) => (distance(hit) < distance(best) ? hit : best)).rule;
  }
  return undefined;
}

/** Keeps the first of any matches that overlap (each sentence's search already prefers the leftmost). */
function withoutOverlaps(matches: Match[]): Match[] {
  const kept: Match[] = [];
  for (const match of [...matches].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = kept.at(-1);
    if (!last || match.start >= last.end) kept.push(match);
  }
  return kept;
}
