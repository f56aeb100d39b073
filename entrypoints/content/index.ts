import rules from 'virtual:spotcheck-rules';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createMatcher } from '../../src/match/matcher';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    // Built lazily by the page scanner; creating it costs nothing until a page has a claim.
    void createMatcher;
    void rules;
  },
});
