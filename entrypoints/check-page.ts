import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { checkPage } from './content/check-page';
import { providePart } from './content/parts';

/** What a page gets once it may hold a claim; loaded by the content script (see `parts.ts`). */
export default defineUnlistedScript(() => providePart('checkPage', checkPage));
