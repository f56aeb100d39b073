import { classLookup, stemSource } from './lexicon';
import { compilePattern, PatternError, requiredClasses, requiredLiterals, splitHead } from './pattern';
import type { Problem } from './problems';
import {
  CONTEXT_KINDS,
  type CompiledPattern,
  type CompiledRules,
  type ContextKind,
  type PatternSource,
  type RuleInfo,
  type RuleSet,
} from './types';

/** Letters or digits just outside a match would mean it started or ended inside a word. */
export const WORD_START = '(?<![a-z0-9])';
export const WORD_END = '(?![a-z0-9])';

/**
 * Turns validated rules into regex sources: one alternation for every claim pattern, one for
 * every cue, one per kind of context. Every pattern problem is reported, with its line.
 */
export function compileRules(set: RuleSet): { compiled?: CompiledRules; problems: Problem[] } {
  const problems: Problem[] = [];
  // Claim patterns see phrase classes as their placeholders; everything else sees the words.
  const lookup = classLookup(set.lexicon, true);
  const fullLookup = classLookup(set.lexicon);
  const phrases = set.lexicon.phrases.map(({ name, marker }) => ({ name, marker, source: fullLookup(name) ?? '(?!)' }));
  const compile = (pattern: PatternSource, classes = lookup): string | undefined => {
    try {
      return compilePattern(pattern.text, classes);
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      problems.push({ file: pattern.file, line: pattern.line, message: `pattern "${pattern.text}": ${error.message}` });
      return undefined;
    }
  };

  // Specific rules first: at one spot the alternation takes the first branch that matches, and a
  // claim that names its mechanism ("sweat out belly fat") should get that mechanism's rule.
  const order = set.rules.map((rule, index) => ({ rule, index }));
  order.sort((a, b) => Number(a.rule.category === 'general') - Number(b.rule.category === 'general'));

  const patterns: CompiledPattern[] = [];
  const heads: Record<string, string> = {};
  for (const { rule, index } of order) {
    for (const pattern of rule.patterns) {
      const source = compile(pattern);
      if (source === undefined) continue;
      if (!isAnchored(pattern.text, set)) {
        problems.push({
          file: pattern.file,
          line: pattern.line,
          message: `pattern "${pattern.text}" must contain an anchor word (an anchor class such as {fat}, or one of the stems in lexicon.yaml) that is not optional`,
        });
      }
      const split = splitHead(pattern.text);
      const headSource = split ? lookup(split.head) : undefined;
      if (split && headSource && headSource.length > 1) {
        heads[split.head] = headSource;
        const tail = compilePattern(split.rest, lookup, true);
        patterns.push({ rule: index, gated: pattern.gated, source, head: split.head, tail });
      } else {
        patterns.push({ rule: index, gated: pattern.gated, source });
      }
    }
  }

  const cueSources: string[] = [];
  const cueRules: number[] = [];
  for (const { rule, index } of order) {
    const sources = rule.cues.map((p) => compile(p, fullLookup)).filter((s): s is string => s !== undefined);
    if (sources.length === 0) continue;
    cueSources.push(`(${sources.join('|')})`);
    cueRules.push(index);
  }

  const context = {} as Record<ContextKind, string>;
  for (const kind of CONTEXT_KINDS) {
    const sources = set.context[kind].map((p) => compile(p, fullLookup)).filter((s): s is string => s !== undefined);
    context[kind] = sources.length > 0 ? `${WORD_START}(?:${sources.join('|')})${WORD_END}` : '(?!)';
  }

  if (problems.length > 0) return { problems };
  return {
    problems,
    compiled: {
      version: 1,
      prefilter: set.lexicon.anchors.map(stemSource).join('|'),
      phrases: phrases.map(({ name, marker, source }) => ({
        name,
        marker,
        source: `${WORD_START}(?:${source})${WORD_END}`,
      })),
      patterns,
      heads,
      cues: cueSources.length > 0 ? `${WORD_START}(?:${cueSources.join('|')})${WORD_END}` : '(?!)',
      cueRules,
      context,
      rules: set.rules.map((rule) => ruleInfo(rule, set)),
    },
  };
}

function ruleInfo(rule: RuleSet['rules'][number], set: RuleSet): RuleInfo {
  const { id, category, myth, verdict, rebuttal, explanation, instead } = rule;
  return {
    id,
    category,
    myth,
    verdict,
    rebuttal,
    explanation,
    instead,
    documents: rule.evidence.documents.flatMap((d) => set.evidence.documents.get(d) ?? []),
    references: rule.evidence.references.flatMap((r) => set.evidence.references.get(r) ?? []),
  };
}

/** True when the pattern cannot match without containing an anchor stem. */
function isAnchored(pattern: string, set: RuleSet): boolean {
  const { anchors, anchorClasses } = set.lexicon;
  if (requiredClasses(pattern).some((name) => anchorClasses.has(name))) return true;
  // Approximate for literals: the required words, joined, must contain a stem somewhere.
  const literals = requiredLiterals(pattern)
    .join(' ')
    .replace(/[\\()?|]/g, ' ');
  return anchors.some((stem) => new RegExp(stemSource(stem), 'i').test(literals));
}
