import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { type LoadedRules, loadRules, type RuleFile } from './load';

const SPECIAL = ['lexicon.yaml', 'context.yaml', 'evidence.yaml'];

/**
 * The rules files at `path`: every .yaml file of a folder, or one file together with the
 * lexicon, context and evidence files beside it (a rule file cannot be checked without them).
 */
export function ruleFilesAt(path: string): RuleFile[] {
  const isFolder = statSync(path).isDirectory();
  const folder = isFolder ? path : dirname(path);
  const names = isFolder
    ? readdirSync(folder).filter((name) => /\.ya?ml$/.test(name))
    : [...new Set([basename(path), ...SPECIAL.filter((name) => safeExists(join(folder, name)))])];
  return names.sort().map((name) => {
    const full = join(folder, name);
    return { file: relative(process.cwd(), full) || full, text: readFileSync(full, 'utf8') };
  });
}

function safeExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export const DEFAULT_RULES_PATH = join(dirname(new URL(import.meta.url).pathname), '..', '..', 'rules');

export function loadRulesAt(path: string = DEFAULT_RULES_PATH): LoadedRules {
  return loadRules(ruleFilesAt(path));
}
