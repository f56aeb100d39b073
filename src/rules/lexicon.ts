import { FieldReader } from './fields';
import { phraseNounForms, phraseVerbForms } from './inflect';
import { compilePattern, PatternError, SEP } from './pattern';
import type { Problem } from './problems';
import { wordsToRegex } from './trie';
import type { Lexicon, WordClass } from './types';
import type { YamlSource } from './yaml-source';

const CLASS_KEYS = ['verbs', 'nouns', 'words', 'pattern', 'phrase'] as const;

/** Reads lexicon.yaml: word classes (inflected here) and the anchor stems. */
export function readLexicon(source: YamlSource): { lexicon?: Lexicon; problems: Problem[] } {
  const r = new FieldReader(source);
  r.onlyKeys([], ['anchors', 'irregular', 'classes']);
  const anchors = r.texts(['anchors'], 1).map((a) => a.toLowerCase());
  const irregular = new Map<string, string[]>();
  for (const word of Object.keys(r.map(['irregular'], false) ?? {})) {
    irregular.set(word, r.texts(['irregular', word], 1));
  }
  const classes = new Map<string, WordClass>();
  for (const name of Object.keys(r.map(['classes']) ?? {})) {
    const path = ['classes', name];
    if (!/^[a-z_]+$/.test(name)) r.problem(path, `class name "${name}" may use only a-z and _`);
    if (!r.map(path)) continue;
    r.onlyKeys(path, CLASS_KEYS);
    const words = [
      ...r.texts([...path, 'verbs']).flatMap((v) => phraseVerbForms(v.toLowerCase(), irregular)),
      ...r.texts([...path, 'nouns']).flatMap((n) => phraseNounForms(n.toLowerCase(), irregular)),
      ...r.texts([...path, 'words']).map((w) => w.toLowerCase()),
    ];
    const pattern = r.text([...path, 'pattern'], false);
    if (words.length === 0 && !pattern) r.problem(path, `class "${name}" has no verbs, nouns, words or pattern`);
    const phrase = r.at([...path, 'phrase']) === true;
    if (phrase && !pattern) r.problem([...path, 'phrase'], 'only a class with a pattern can be a phrase class');
    const where = { file: source.file, line: source.lineOf(path) };
    classes.set(name, pattern ? { name, words: [], pattern, phrase, where } : { name, words, phrase: false, where });
  }
  if (r.problems.length > 0) return { problems: r.problems };
  return { lexicon: { classes, anchors, where: { file: source.file, line: 1 } }, problems: [] };
}

/** A stem as a regex that tolerates the separators raw text may have between its words. */
export function loosen(stem: string): RegExp {
  return new RegExp(stemSource(stem), 'i');
}

/** What raw text may have between the words of a stem: nothing, spaces or hyphens. */
const RAW_SPACE = '[\\s\\u00a0\\u2011-]*';

export function stemSource(stem: string): string {
  return wordsToRegex([stem], RAW_SPACE);
}

/**
 * All stems as one regex that shares their prefixes ("b(?:elly|ulge)…"): on a page's worth of
 * text this runs about twice as fast as a flat list of alternatives.
 */
export function stemsSource(stems: readonly string[]): string {
  return wordsToRegex(stems, RAW_SPACE);
}

/** Resolves class names to regex source over folded text, compiling pattern classes on first use. */
export function classLookup(lexicon: Lexicon): (name: string) => string | undefined {
  const cache = new Map<string, string>();
  const resolving = new Set<string>();
  const lookup = (name: string): string | undefined => {
    const cached = cache.get(name);
    if (cached !== undefined) return cached;
    const cls = lexicon.classes.get(name);
    if (!cls) return undefined;
    if (resolving.has(name)) throw new PatternError(`word class {${name}} refers to itself`);
    resolving.add(name);
    try {
      const body = cls.pattern ? compilePattern(cls.pattern, lookup) : wordsToRegex(cls.words, SEP);
      const source = `(?:${body})`; // the token using the class puts the barrier before it
      cache.set(name, source);
      return source;
    } finally {
      resolving.delete(name);
    }
  };
  return lookup;
}
