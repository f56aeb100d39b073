import { compileRules } from './compile';
import { readLexicon } from './lexicon';
import type { Problem } from './problems';
import { readContext, readEvidence, readRuleFile } from './schema';
import type { CompiledRules, ContextCues, Evidence, Lexicon, Rule, RuleSet } from './types';
import { parseYaml } from './yaml-source';

export interface RuleFile {
  /** Path as it should appear in messages. */
  readonly file: string;
  readonly text: string;
}

export interface LoadedRules {
  readonly set?: RuleSet;
  readonly compiled?: CompiledRules;
  readonly problems: readonly Problem[];
}

const SPECIAL = { lexicon: 'lexicon.yaml', context: 'context.yaml', evidence: 'evidence.yaml' } as const;

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/**
 * Parses, validates and compiles a folder's worth of rules files. Pure: the caller reads the
 * files. Every problem in every file is reported, so one run shows everything to fix.
 */
export function loadRules(files: readonly RuleFile[]): LoadedRules {
  const problems: Problem[] = [];
  let lexicon: Lexicon | undefined;
  let context: ContextCues | undefined;
  let evidence: Evidence | undefined;
  const rules: Rule[] = [];

  for (const { file, text } of files) {
    const parsed = parseYaml(file, text);
    problems.push(...parsed.problems);
    if (!parsed.source) continue;
    const name = baseName(file);
    if (name === SPECIAL.lexicon) {
      const read = readLexicon(parsed.source);
      problems.push(...read.problems);
      lexicon = read.lexicon;
    } else if (name === SPECIAL.context) {
      const read = readContext(parsed.source);
      problems.push(...read.problems);
      context = read.context;
    } else if (name === SPECIAL.evidence) {
      const read = readEvidence(parsed.source);
      problems.push(...read.problems);
      evidence = read.evidence;
    } else {
      const read = readRuleFile(parsed.source);
      problems.push(...read.problems);
      rules.push(...read.rules);
    }
  }

  const first = files[0]?.file ?? 'rules';
  for (const [key, name] of Object.entries(SPECIAL)) {
    const present = { lexicon, context, evidence }[key as keyof typeof SPECIAL];
    if (!present && !files.some((f) => baseName(f.file) === name)) {
      problems.push({ file: first, line: 1, message: `${name} is missing from the rules folder` });
    }
  }
  problems.push(...crossCheck(rules, evidence));
  if (problems.length > 0 || !lexicon || !context || !evidence) return { problems };

  const set: RuleSet = { rules, lexicon, context, evidence };
  const { compiled, problems: compileProblems } = compileRules(set);
  return compiled ? { set, compiled, problems: [] } : { set, problems: compileProblems };
}

/** Checks that need every file: unique ids, evidence that exists, a general rule to fall back on. */
function crossCheck(rules: readonly Rule[], evidence: Evidence | undefined): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, Rule>();
  for (const rule of rules) {
    const earlier = seen.get(rule.id);
    if (earlier) {
      problems.push({
        ...rule.where,
        message: `duplicate rule id "${rule.id}" (also at ${earlier.where.file}:${earlier.where.line})`,
      });
    }
    seen.set(rule.id, rule);
    if (!evidence) continue;
    for (const doc of rule.evidence.documents) {
      if (!evidence.documents.has(doc))
        problems.push({ ...rule.where, message: `rule "${rule.id}" cites unknown document "${doc}"` });
    }
    for (const ref of rule.evidence.references) {
      if (!evidence.references.has(ref))
        problems.push({ ...rule.where, message: `rule "${rule.id}" cites unknown reference "${ref}"` });
    }
  }
  return problems;
}
