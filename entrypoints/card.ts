import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createCardHost } from '../src/ui/card-host';
import { providePart } from './content/parts';

/** The evidence card, for pages with a marked claim; loaded by check-page.js (see `parts.ts`). */
export default defineUnlistedScript(() => providePart('cardHost', createCardHost));
