import { defineConfig } from 'wxt';
import { spotCheckRules } from './src/rules/vite-plugin';

/** The scripts that run in web pages: the content script and the parts it loads when needed. */
const IN_PAGES = new Set(['content', 'check-page', 'card']);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader can always see where a name comes from.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Spot Check',
    description: 'Flags fitness claims that rest on the spot-reduction myth, right where you shop, with the evidence.',
    // Settings only. The content script's page access comes from its `matches`; nothing else is asked for.
    permissions: ['storage'],
    action: { default_title: 'Spot Check' },
    // The content script loads the rest of itself from these files, only on pages that need them
    // (see entrypoints/content/parts.ts). A per-session URL keeps pages from using the files to
    // tell that Spot Check is installed.
    web_accessible_resources: [
      { resources: ['check-page.js', 'card.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
    ],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'spot-check@spotcheck.invalid', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  vite: () => ({ plugins: [spotCheckRules()] }),
  hooks: {
    // The scripts in pages use the browser's own API, whose calls return promises in Chrome's
    // Manifest V3 as in Firefox. Setting the polyfill up costs every page 2-3 ms (it wraps each API
    // namespace), and the content script runs on every page. The background keeps it: Chrome needs
    // it for replies that a message listener returns as a promise.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((entrypoint) => IN_PAGES.has(entrypoint.name))) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve = { ...config.resolve, alias: alias.filter((entry) => entry.find !== 'wxt/browser') };
      } else if (alias) {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
    },
  },
});
