import type { ContextKind } from '../rules/types';
import type { Span } from './sentences';

/** Why a claim's words were found but not flagged. */
export type Dismissal = 'negated' | 'question' | 'mention' | 'debunk' | 'truthful' | 'off-topic';

/** Breaks that end a negation's reach: "No diet, no gym – melts belly fat" is still a claim. */
const CLAUSE_BREAK = /[,;:()[\]]| - | (?:but|however|although|though|yet|whereas|while|instead) /g;
/** Stronger breaks that also end someone else's claim or a wish: "the areas you want to slim – it burns fat there". */
const STATEMENT_BREAK = /[;:(]| - /g;
/** How many words before a claim a negation still governs it. */
const NEGATION_REACH = 7;

/**
 * Decides whether found claim words are really a claim, from the text around them: negation in
 * the clause, a question, someone else's claim or a wish, debunking in the sentence or block,
 * the honest overall-fat-loss framing, or a topic that is not the body at all. The word lists
 * live in rules/context.yaml; which stretch of text each list reads is decided here.
 */
export class ContextJudge {
  private readonly cues: Record<ContextKind, RegExp>;

  constructor(sources: Readonly<Record<ContextKind, string>>) {
    this.cues = Object.fromEntries(
      Object.entries(sources).map(([kind, source]) => [kind, new RegExp(source, 'g')]),
    ) as Record<ContextKind, RegExp>;
  }

  /** Blanks out phrases that only look like negation ("not only", "no more"), keeping offsets. */
  mask(text: string): string {
    return text.replace(this.cues['not-negation'], (found) => ' '.repeat(found.length));
  }

  private has(kind: ContextKind, text: string): boolean {
    const cue = this.cues[kind];
    cue.lastIndex = 0;
    return cue.test(text);
  }

  /** True when the block as a whole debunks the myth (an article, a warning, a myth-buster). */
  blockDebunks(maskedBlock: string): boolean {
    return this.has('debunk-block', maskedBlock);
  }

  /**
   * True when the page's title or main heading (folded) frames the whole page as a look at the
   * myth: an article asking whether the products work quotes their claims in paragraphs that
   * do not themselves say it is a myth.
   */
  pageDebunks(foldedContext: string): boolean {
    return this.has('debunk-page', this.mask(foldedContext));
  }

  /**
   * Checks one claim. `folded` is the block's folded text and `masked` the same after `mask`;
   * `sentence` and `claim` are spans in both.
   */
  dismiss(folded: string, masked: string, sentence: Span, claim: Span): Dismissal | undefined {
    const [sentenceStart, sentenceEnd] = sentence;
    const before = masked.slice(sentenceStart, claim[0]);
    const whole = masked.slice(sentenceStart, sentenceEnd);
    if (this.negated(before)) return 'negated';
    // Unmasked: "not only does it melt belly fat" opens like a question once "not only" is masked.
    const unmasked = folded.slice(sentenceStart, sentenceEnd);
    const asked = isQuestion(unmasked, before) || asksFirst(whole, claim[1] - sentenceStart);
    if (asked && !RHETORICAL.test(before.trimStart()) && !ANSWERED.test(masked.slice(sentenceEnd, sentenceEnd + 120)))
      return 'question';
    if (this.has('mention', after(before, STATEMENT_BREAK))) return 'mention';
    if (this.has('debunk-sentence', whole)) return 'debunk';
    // Unmasked: the honest route's own look-behinds must see "no need to eat less" (a selling
    // point), which masking blanks to "eat less" (the honest route).
    if (this.has('truthful', unmasked)) return 'truthful';
    if (this.has('off-topic', whole)) return 'off-topic';
    return undefined;
  }

  private negated(before: string): boolean {
    const words = after(before, CLAUSE_BREAK).trim().split(' ');
    return this.has('negation', words.slice(-NEGATION_REACH).join(' '));
  }
}

/**
 * A question, with or without its question mark: headings often drop it ("Does Running Burn
 * Buttocks Fat"). Without the mark only a sentence opening with an auxiliary verb counts ("do"
 * is left out: "Do 100 crunches" is an order, not a question), and
 * not one that goes on past a colon or exclamation, where a statement follows, nor one whose
 * claim follows the verb at once: a bullet point's hedge ("Can help melt belly fat").
 * `before` is the sentence up to the claim.
 */
function isQuestion(sentence: string, before: string): boolean {
  const trimmed = sentence.trim();
  if (/\?["')\]]*$/.test(trimmed)) return true;
  return (
    /^(?:q: ?)?(?:does|did|can|could|will|would|should|is|are|was|were) /.test(trimmed) &&
    !/[:!]/.test(trimmed) &&
    !HEDGE.test(before.trim())
  );
}

/** An auxiliary with no subject before a claim: "can help", "will also", "could". */
const HEDGE =
  /^(?:can|could|will|would|should)(?: (?:help|helps|also|even|really|actually|quickly|visibly|effectively|gently))*(?: to)?$/;

/**
 * Whether a sentence that opens with a short question ("Burn belly fat? These leggings won't.",
 * read as one sentence: see `sentenceSpans`) has the claim ending at `claimEnd` inside that
 * question: asked, not said.
 */
function asksFirst(sentence: string, claimEnd: number): boolean {
  const mark = sentence.indexOf('?');
  return mark >= claimEnd;
}

/**
 * A question that asserts what follows its "when" ("Why diet when this patch burns the fat on
 * your belly for you?"): an ad's way of making the claim, not asking about it. Tested on the
 * sentence up to the claim, so the claim must come after the "when".
 */
const RHETORICAL = /^(?:why|who needs|what's the point of)\b.*\bwhen\b/;

/**
 * The start of a sentence that answers an ad's question with the claim: "Ever wished you could
 * melt belly fat while you sleep? Now you can.", "…? With our pads, you can.", "…? This belt
 * melts it while you work." Tested on the text after the question.
 */
const ANSWERED =
  /^ *(?:(?:now|today|finally|yes,?) you can\b|with (?:our|this|these|the) [^.!?]{1,40}, you can\b|yes,? (?:it|they) (?:can|does|do|will)\b|(?:our|this|these|the) [a-z-]+ (?:melts|burns|zaps|dissolves|shrinks|blasts|torches|targets|does) (?:it|them|that|the work)\b)/;

/** The part of `text` after the last match of `breaks`. */
function after(text: string, breaks: RegExp): string {
  let start = 0;
  breaks.lastIndex = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) start = m.index + m[0].length;
  return text.slice(start);
}
