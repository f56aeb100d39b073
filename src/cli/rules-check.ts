/**
 * npm run rules:check [PATH]   (PATH: the rules folder, or one rules file; default rules/)
 *
 * Validates the rules: YAML syntax, required fields, categories, unique ids, cited evidence,
 * patterns that compile and contain an anchor word, and every rule's examples. Prints
 * FILE:LINE: problem for each and exits 1, or a one-line summary and exits 0.
 */
import { existsSync } from 'node:fs';
import { formatProblem } from '../rules/problems';
import { DEFAULT_RULES_PATH } from '../rules/read-folder';
import { checkRulesAt } from './rules-source';

function main(): number {
  const path = process.argv[2] ?? DEFAULT_RULES_PATH;
  if (!existsSync(path)) {
    console.error(`${path}: no such file or folder`);
    return 1;
  }
  const { set, problems } = checkRulesAt(path);
  for (const problem of problems) console.error(formatProblem(problem));
  if (problems.length > 0 || !set) {
    console.error(`${problems.length} problem(s) in ${path}`);
    return 1;
  }
  const patterns = set.rules.reduce((n, r) => n + r.patterns.length, 0);
  const examples = set.rules.reduce((n, r) => n + r.examples.match.length + r.examples.noMatch.length, 0);
  console.log(`${path}: ${set.rules.length} rules, ${patterns} patterns, ${examples} examples: all good`);
  return 0;
}

process.exitCode = main();
