import { FieldReader } from './fields';
import { phraseNounForms, phraseVerbForms } from './inflect';
import { BARRIER, compilePattern, PatternError, SEP } from './pattern';
import type { Problem } from './problems';
import { wordsToRegex } from './trie';
import type { Lexicon, WordClass } from './types';
import type { YamlSource } from './yaml-source';

const CLASS_KEYS = ['anchor', 'phrase', 'verbs', 'nouns', 'words', 'pattern'] as const;

/** Placeholders for phrase classes: private-use characters, which normalize() never outputs. */
const FIRST_MARKER = 0xe000;

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
  const anchorClasses = new Set<string>();
  const phrases: { name: string; marker: string }[] = [];
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
    if (r.at([...path, 'anchor']) === true) anchorClasses.add(name);
    const phrase = r.at([...path, 'phrase']) === true;
    if (phrase && !pattern) r.problem([...path, 'phrase'], 'only a class with a pattern can be a phrase class');
    if (phrase) phrases.push({ name, marker: String.fromCharCode(FIRST_MARKER + phrases.length) });
    const where = { file: source.file, line: source.lineOf(path) };
    classes.set(name, pattern ? { name, words: [], pattern, phrase, where } : { name, words, phrase, where });
  }
  if (r.problems.length > 0) return { problems: r.problems };
  const lexicon: Lexicon = { classes, anchors, anchorClasses, phrases, where: { file: source.file, line: 1 } };
  return { lexicon, problems: checkAnchorClasses(lexicon) };
}

/** Every word of an anchor class must contain a stem, or the first pass could skip a claim. */
function checkAnchorClasses(lexicon: Lexicon): Problem[] {
  const problems: Problem[] = [];
  const stems = lexicon.anchors.map(loosen);
  for (const name of lexicon.anchorClasses) {
    const cls = lexicon.classes.get(name);
    if (!cls || cls.pattern) continue; // a pattern class is checked through the classes it uses
    for (const word of cls.words) {
      if (!stems.some((stem) => stem.test(word))) {
        problems.push({ ...cls.where, message: `"${word}" in anchor class {${name}} contains no anchor stem` });
      }
    }
  }
  return problems;
}

/** A stem as a regex that tolerates the separators raw text may have between its words. */
export function loosen(stem: string): RegExp {
  return new RegExp(stemSource(stem), 'i');
}

export function stemSource(stem: string): string {
  return stem
    .split(/[ -]+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\u00a0\\u2011-]*');
}

/**
 * Resolves class names to regex source, compiling pattern classes on first use. With
 * `markers`, a phrase class resolves to its placeholder character instead of its regex.
 */
export function classLookup(lexicon: Lexicon, markers = false): (name: string) => string | undefined {
  const cache = new Map<string, string>();
  const resolving = new Set<string>();
  const lookup = (name: string): string | undefined => {
    const cached = cache.get(name);
    if (cached !== undefined) return cached;
    const cls = lexicon.classes.get(name);
    if (!cls) return undefined;
    const marker = markers && cls.phrase ? lexicon.phrases.find((p) => p.name === name)?.marker : undefined;
    if (marker) return marker;
    if (resolving.has(name)) throw new PatternError(`word class {${name}} refers to itself`);
    resolving.add(name);
    try {
      const body = cls.pattern ? compilePattern(cls.pattern, lookup) : wordsToRegex(cls.words, SEP);
      const source = `(?:${BARRIER}${body})`;
      cache.set(name, source);
      return source;
    } finally {
      resolving.delete(name);
    }
  };
  return lookup;
}
