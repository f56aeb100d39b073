import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { checkRulesAt } from './check';
import { formatProblem } from './problems';
import { DEFAULT_RULES_PATH } from './read-folder';

export const RULES_MODULE = 'virtual:spotcheck-rules';
export const FILTERS_MODULE = 'virtual:spotcheck-rules/filters';

/**
 * Bundles the rules as data: `import rules from 'virtual:spotcheck-rules'` gives the compiled
 * rules (regex sources and card text), checked exactly as `npm run rules:check` checks them.
 * Any problem fails the build with FILE:LINE messages, so broken rules never ship.
 * `virtual:spotcheck-rules/filters` gives only the first-pass filters, for the content script,
 * which runs on every page and so carries as little as it can.
 */
export function spotCheckRules(folder: string = DEFAULT_RULES_PATH): Plugin {
  return {
    name: 'spotcheck-rules',
    resolveId(source) {
      return source === RULES_MODULE || source === FILTERS_MODULE ? `\0${source}` : undefined;
    },
    load(id) {
      if (id !== `\0${RULES_MODULE}` && id !== `\0${FILTERS_MODULE}`) return undefined;
      for (const name of readdirSync(folder)) if (/\.ya?ml$/.test(name)) this.addWatchFile(join(folder, name));
      const { compiled, problems } = checkRulesAt(folder);
      if (!compiled || problems.length > 0) {
        this.error(`rules are not valid:\n${problems.map(formatProblem).join('\n')}`);
      }
      if (id === `\0${RULES_MODULE}`) return `export default ${JSON.stringify(compiled)};`;
      const { fragments, anywhere } = compiled;
      return `export default ${JSON.stringify({ fragments, anywhere })};`;
    },
  };
}
