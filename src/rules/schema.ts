import { FieldReader } from './fields';
import type { Problem } from './problems';
import {
  CATEGORIES,
  type Category,
  CONTEXT_KINDS,
  type ContextCues,
  type ContextKind,
  type Evidence,
  type Example,
  type PatternSource,
  type Reference,
  type Rule,
  type SourceDocument,
} from './types';
import type { YamlSource } from './yaml-source';

const RULE_KEYS = [
  'id',
  'category',
  'myth',
  'verdict',
  'rebuttal',
  'explanation',
  'instead',
  'evidence',
  'cues',
  'patterns',
  'cue-patterns',
  'examples',
] as const;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Shown first on the card, so it must stay short. */
const REBUTTAL_MAX = 320;

function located(r: FieldReader, path: (string | number)[], min = 0): Example[] {
  if (r.at(path) === undefined && min === 0) return [];
  return r.texts(path, min).map((text, i) => ({ text, file: r.source.file, line: r.source.lineOf([...path, i]) }));
}

function patternSources(r: FieldReader, path: (string | number)[], gated: boolean): PatternSource[] {
  return located(r, path).map((example) => ({ ...example, gated }));
}

/** Reads one rules file (`rules:` followed by a list of rules). */
export function readRuleFile(source: YamlSource): { rules: Rule[]; problems: Problem[] } {
  const r = new FieldReader(source);
  r.onlyKeys([], ['rules']);
  const list = r.at(['rules']);
  if (!Array.isArray(list) || list.length === 0) {
    r.problem(['rules'], 'a rules file needs a non-empty "rules:" list');
    return { rules: [], problems: r.problems };
  }
  const rules: Rule[] = [];
  list.forEach((_, i) => {
    const at = (...rest: (string | number)[]) => ['rules', i, ...rest];
    if (!r.map(at())) return;
    r.onlyKeys(at(), RULE_KEYS);
    const id = r.text(at('id'));
    if (id !== undefined && !ID.test(id)) r.problem(at('id'), `id "${id}" must be lower-case words joined by hyphens`);
    const category = r.text(at('category'));
    if (category !== undefined && !(CATEGORIES as readonly string[]).includes(category)) {
      r.problem(at('category'), `unknown category "${category}" (expected one of: ${CATEGORIES.join(', ')})`);
    }
    const rebuttal = r.text(at('rebuttal'));
    if (rebuttal !== undefined && rebuttal.length > REBUTTAL_MAX) {
      r.problem(
        at('rebuttal'),
        `rebuttal is ${rebuttal.length} characters; keep it to one or two sentences (${REBUTTAL_MAX} at most)`,
      );
    }
    const fields = {
      myth: r.text(at('myth')),
      verdict: r.text(at('verdict')),
      explanation: r.text(at('explanation')),
      instead: r.text(at('instead')),
    };
    r.onlyKeys(at('evidence'), ['documents', 'references']);
    const documents = r.map(at('evidence')) ? r.texts(at('evidence', 'documents'), 1) : [];
    const references = r.texts(at('evidence', 'references'));
    const cues = patternSources(r, at('cues'), false);
    const patterns = [...patternSources(r, at('patterns'), false), ...patternSources(r, at('cue-patterns'), true)];
    if (patterns.length === 0) r.problem(at(), `rule ${id ?? i + 1} has no patterns`);
    if (r.at(at('cue-patterns')) !== undefined && cues.length === 0) {
      r.problem(at('cue-patterns'), '"cue-patterns" count only near a cue, so the rule needs "cues"');
    }
    r.onlyKeys(at('examples'), ['match', 'no-match']);
    const examples = r.map(at('examples'))
      ? { match: located(r, at('examples', 'match'), 1), noMatch: located(r, at('examples', 'no-match'), 1) }
      : { match: [], noMatch: [] };
    // A rule with every field present is kept even if something else is wrong with it, so the
    // checks that need all files (duplicate ids, cited evidence) still report on it.
    const { myth, verdict, explanation, instead } = fields;
    if (!id || !category || !rebuttal || !myth || !verdict || !explanation || !instead) return;
    if (!(CATEGORIES as readonly string[]).includes(category)) return;
    rules.push({
      id,
      category: category as Category,
      myth,
      verdict,
      rebuttal,
      explanation,
      instead,
      evidence: { documents, references },
      cues,
      patterns,
      examples,
      where: { file: source.file, line: source.lineOf(at()) },
    });
  });
  return { rules, problems: r.problems };
}

/** Reads context.yaml: for each kind of context, the patterns that signal it. */
export function readContext(source: YamlSource): { context?: ContextCues; problems: Problem[] } {
  const r = new FieldReader(source);
  r.onlyKeys([], CONTEXT_KINDS);
  const context = {} as Record<ContextKind, PatternSource[]>;
  for (const kind of CONTEXT_KINDS) {
    const path = [kind];
    if (r.at(path) === undefined) r.problem([], `missing list "${kind}"`);
    context[kind] = patternSources(r, path, false);
  }
  return r.problems.length > 0 ? { problems: r.problems } : { context, problems: [] };
}

/** Reads evidence.yaml: the source documents and the studies and regulator findings. */
export function readEvidence(source: YamlSource): { evidence?: Evidence; problems: Problem[] } {
  const r = new FieldReader(source);
  r.onlyKeys([], ['documents', 'references']);
  const documents = new Map<string, SourceDocument>();
  for (const id of Object.keys(r.map(['documents']) ?? {})) {
    r.onlyKeys(['documents', id], ['title', 'file']);
    const title = r.text(['documents', id, 'title']);
    const file = r.text(['documents', id, 'file']);
    if (title && file) documents.set(id, { id, title, file });
  }
  const references = new Map<string, Reference>();
  for (const id of Object.keys(r.map(['references']) ?? {})) {
    const at = (key: string) => ['references', id, key];
    r.onlyKeys(['references', id], ['label', 'kind', 'citation', 'finding', 'url']);
    const label = r.text(at('label'));
    const kind = r.text(at('kind'));
    if (kind !== undefined && kind !== 'study' && kind !== 'regulator')
      r.problem(at('kind'), 'kind must be "study" or "regulator"');
    const citation = r.text(at('citation'));
    const finding = r.text(at('finding'));
    const url = r.text(at('url'), false);
    if (url !== undefined && !/^https:\/\/\S+$/.test(url))
      r.problem(at('url'), `url must start with https:// (got "${url}")`);
    if (label && citation && finding && (kind === 'study' || kind === 'regulator')) {
      references.set(id, { id, label, kind, citation, finding, ...(url ? { url } : {}) });
    }
  }
  return r.problems.length > 0 ? { problems: r.problems } : { evidence: { documents, references }, problems: [] };
}
