import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { checkRulesAt } from './check';
import { formatProblem } from './problems';
import { DEFAULT_RULES_PATH } from './read-folder';

export const RULES_MODULE = 'virtual:spotcheck-rules';
const RESOLVED = `\0${RULES_MODULE}`;

/**
 * Bundles the rules as data: `import rules from 'virtual:spotcheck-rules'` gives the compiled
 * rules (regex sources and card text), checked exactly as `npm run rules:check` checks them.
 * Any problem fails the build with FILE:LINE messages, so broken rules never ship.
 */
export function spotCheckRules(folder: string = DEFAULT_RULES_PATH): Plugin {
  return {
    name: 'spotcheck-rules',
    resolveId(source) {
      return source === RULES_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      for (const name of readdirSync(folder)) if (/\.ya?ml$/.test(name)) this.addWatchFile(join(folder, name));
      const { compiled, problems } = checkRulesAt(folder);
      if (!compiled || problems.length > 0) {
        this.error(`rules are not valid:\n${problems.map(formatProblem).join('\n')}`);
      }
      return `export default ${JSON.stringify(compiled)};`;
    },
  };
}
