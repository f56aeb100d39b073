import rules from 'virtual:spotcheck-rules';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createMatcher } from '../../src/match/matcher';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    // The matcher compiles its patterns only when a page holds an anchor word, so building it
    // here costs next to nothing. Nothing is logged: the console belongs to the page.
    const matcher = createMatcher(rules);
    return matcher;
  },
});
