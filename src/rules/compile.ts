import { classLookup, stemSource, stemsSource } from './lexicon';
import { compilePattern, PatternError } from './pattern';
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
import { classNames, parseWordPattern, type Sequence, PatternError as WordPatternError } from './word-pattern';
import { FIRST_WORD, WordPatternCompiler } from './word-regex';

/** Letters or digits just outside a match would mean it started or ended inside a word. */
export const WORD_START = '(?<![a-z0-9])';
export const WORD_END = '(?![a-z0-9])';

/**
 * Turns validated rules into regex sources: claim patterns over encoded words (see
 * word-regex.ts), cues and context cues over folded text. Every pattern problem is reported,
 * with its file and line.
 */
export function compileRules(set: RuleSet): { compiled?: CompiledRules; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (pattern: PatternSource, error: unknown) => {
    if (!(error instanceof PatternError || error instanceof WordPatternError)) throw error;
    problems.push({ file: pattern.file, line: pattern.line, message: `pattern "${pattern.text}": ${error.message}` });
  };

  // Specific rules first: at one spot the matcher takes the first pattern that matches,
  // and a claim that names its mechanism ("sweat out belly fat") should get that mechanism's rule.
  const order = set.rules.map((rule, index) => ({ rule, index }));
  order.sort((a, b) => Number(a.rule.category === 'general') - Number(b.rule.category === 'general'));

  // Classes the claim patterns may use: each pattern class must itself parse and use known classes.
  const usable = checkWordClasses(set, problems);
  const claims: { source: PatternSource; rule: number; sequence: Sequence }[] = [];
  for (const { rule, index } of order) {
    for (const pattern of rule.patterns) {
      try {
        const sequence = parseWordPattern(pattern.text);
        const unknown = [...classNames(sequence)].find((name) => !usable.has(name));
        if (unknown) throw new WordPatternError(`unknown word class {${unknown}}`);
        claims.push({ source: pattern, rule: index, sequence });
      } catch (error) {
        report(pattern, error);
      }
    }
  }

  let words: WordPatternCompiler;
  try {
    words = new WordPatternCompiler(
      set.lexicon,
      claims.map((c) => c.sequence),
    );
  } catch (error) {
    if (!(error instanceof WordPatternError)) throw error;
    return { problems: [...problems, { ...set.lexicon.where, message: error.message }] };
  }
  // Stems are looked for at word starts only, so a stem must start a word here too.
  const stems = set.lexicon.anchors.map((stem) => new RegExp(`${WORD_START}${stemSource(stem)}`, 'i'));
  const patterns: CompiledPattern[] = [];
  for (const { source, rule, sequence } of claims) {
    try {
      const compiled = words.compile(sequence);
      if (!words.anchored(sequence, stems)) {
        problems.push({
          file: source.file,
          line: source.line,
          message: `pattern "${source.text}" can match without an anchor word (a word containing one of the stems in lexicon.yaml), so the first pass would never see it`,
        });
      }
      patterns.push({ rule, gated: source.gated, source: compiled, needs: words.needs(sequence) });
    } catch (error) {
      report(source, error);
    }
  }

  const lookup = classLookup(set.lexicon);
  const compile = (pattern: PatternSource): string | undefined => {
    try {
      return compilePattern(pattern.text, lookup);
    } catch (error) {
      report(pattern, error);
      return undefined;
    }
  };

  const cueSources: string[] = [];
  const cueRules: number[] = [];
  for (const { rule, index } of order) {
    const sources = rule.cues.map(compile).filter((s): s is string => s !== undefined);
    if (sources.length === 0) continue;
    cueSources.push(`(${sources.join('|')})`);
    cueRules.push(index);
  }

  const context = {} as Record<ContextKind, string>;
  for (const kind of CONTEXT_KINDS) {
    const sources = set.context[kind].map(compile).filter((s): s is string => s !== undefined);
    context[kind] = sources.length > 0 ? `${WORD_START}(?:${sources.join('|')})${WORD_END}` : '(?!)';
  }

  if (problems.length > 0) return { problems };
  return {
    problems,
    compiled: {
      version: 1,
      fragments: stemFragments(set.lexicon.anchors),
      anywhere: stemsSource(set.lexicon.anchors),
      phrases: words.phrases(),
      vocabulary: words.vocabulary,
      firstWord: FIRST_WORD,
      patterns,
      cues: cueSources.length > 0 ? `${WORD_START}(?:${cueSources.join('|')})${WORD_END}` : '(?!)',
      cueRules,
      context,
      rules: set.rules.map((rule) => ruleInfo(rule, set)),
    },
  };
}

/**
 * The classes claim patterns can use: word lists, the built-in {number}, and pattern classes
 * that parse as word patterns and use only usable classes. A class used only by cue or context
 * patterns may be written for folded text instead; it is simply not usable by claim patterns.
 */
function checkWordClasses(set: RuleSet, problems: Problem[]): Set<string> {
  const usable = new Set<string>(['number']);
  const state = new Map<string, 'checking' | 'ok' | 'bad'>();
  const check = (name: string): boolean => {
    const known = state.get(name);
    if (known) return known === 'ok';
    const cls = set.lexicon.classes.get(name);
    if (!cls) return false;
    state.set(name, 'checking');
    let ok = true;
    if (cls.pattern) {
      let inner: Set<string> = new Set();
      try {
        inner = classNames(parseWordPattern(cls.pattern));
      } catch {
        ok = false; // not a word pattern: fine for a class that only cue or context patterns use
      }
      for (const other of inner) {
        if (other === 'number') continue;
        if (state.get(other) === 'checking') {
          problems.push({ ...cls.where, message: `class {${name}} refers to itself through {${other}}` });
          ok = false;
        } else if (!set.lexicon.classes.has(other)) {
          problems.push({ ...cls.where, message: `class {${name}}: unknown word class {${other}}` });
          ok = false;
        } else if (!check(other)) ok = false;
      }
    }
    state.set(name, ok ? 'ok' : 'bad');
    if (ok) usable.add(name);
    return ok;
  };
  for (const name of set.lexicon.classes.keys()) check(name);
  return usable;
}

/**
 * The first test for one text node at a time: any stem, or the part of a multi-word stem that
 * markup can split off ("<b>love</b> handles": one node ends with "love", the next starts with
 * "handles"). Written as two prefix-sharing branches, not one branch per stem: a page tests
 * thousands of text nodes, and this form runs about twice as fast.
 */
function stemFragments(anchors: readonly string[]): string {
  const SPACE = '[\\s\\u00a0\\u2011-]*';
  const split = anchors.map((stem) => stem.split(/[ -]+/).filter(Boolean)).filter((words) => words.length > 1);
  const stems = stemsSource(anchors);
  if (split.length === 0) return `${WORD_START}${stems}`;
  const firsts = stemsSource(split.map((words) => words[0] as string));
  const lasts = stemsSource(split.map((words) => words.at(-1) as string));
  return `${WORD_START}(?:${stems}|${firsts}${SPACE}$)|^${SPACE}${lasts}`;
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
