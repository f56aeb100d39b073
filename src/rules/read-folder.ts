import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { type LoadedRules, loadRules, type RuleFile } from './load';

/** How a rules file is named in messages: relative to where the command runs. */
export function displayPath(path: string): string {
  return relative(process.cwd(), path) || path;
}

/**
 * Every .yaml file in the rules folder at `path` (or in the folder of the file at `path`: a
 * rule is only meaningful beside the lexicon, the context cues and the other rules, since its
 * counter-examples must not be flagged by any rule).
 */
export function ruleFilesAt(path: string): RuleFile[] {
  const folder = statSync(path).isDirectory() ? path : dirname(path);
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => {
      const full = join(folder, name);
      return { file: displayPath(full), text: readFileSync(full, 'utf8') };
    });
}

export const DEFAULT_RULES_PATH = join(dirname(new URL(import.meta.url).pathname), '..', '..', 'rules');

export function loadRulesAt(path: string = DEFAULT_RULES_PATH): LoadedRules {
  return loadRules(ruleFilesAt(path));
}
