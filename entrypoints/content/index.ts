import filterSources from 'virtual:spotcheck-rules/filters';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createFilters } from '../../src/match/filters';
import { Lookout } from '../../src/page/lookout';
import { idleScheduler } from '../../src/page/schedule';
import { benchRecorder } from './bench';
import { loadPart } from './parts';
// Listed in the manifest: the browser applies it before the page is first styled (see the file).
import '../../src/page/page-style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  // WXT would also announce each start with a message to the page's own window, which every page
  // script listening for messages receives (and could tell Spot Check is installed from).
  noScriptStartedPostMessage: true,
  main(ctx) {
    const bench = benchRecorder(document);
    const filters = createFilters(filterSources);
    // This script runs on every page, and most never mention fat, a waist or a belly. They get
    // only the lookout; the rest (settings, matching, marks, the card) is loaded on a sighting.
    const lookout = new Lookout({
      doc: document,
      tests: filters,
      schedule: idleScheduler(ctx, bench?.slice),
      onQuiet: () => bench?.passEnd(0),
      async onSighting() {
        try {
          const check = await loadPart('checkPage', browser.runtime.getURL('/check-page.js'));
          if (ctx.isValid) await check({ ctx, filters, bench, firstLook: () => lookout.takeFirstLook() });
        } catch (error) {
          if (ctx.isValid) throw error; // else the extension was updated or removed meanwhile: nothing to do
        }
      },
    });
    ctx.onInvalidated(() => lookout.stop());
    lookout.start();
  },
});
