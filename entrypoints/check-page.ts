import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { checkPage } from './content/check-page';
import { providePageChecker } from './content/late-start';

/**
 * Everything the content script needs once a page may hold a claim, in a file of its own: the
 * content script loads it on the first sighting (see `late-start.ts`), so the many pages that
 * never mention fat do not pay to compile it.
 */
export default defineUnlistedScript(() => providePageChecker(checkPage));
