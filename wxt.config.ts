import { defineConfig } from 'wxt';
import { spotCheckRules } from './src/rules/vite-plugin';

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
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'spot-check@spotcheck.invalid', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  vite: () => ({ plugins: [spotCheckRules()] }),
});
