import { browser } from 'wxt/browser';
import { type FoundMessage, isShowMessage } from '../../src/messages';
import { pageContext } from '../../src/page/claims';
import { type Mark, Marks } from '../../src/page/marks';
import { Scanner } from '../../src/page/scanner';
import { idleScheduler } from '../../src/page/schedule';
import {
  dismiss,
  dismissedOn,
  isSiteEnabled,
  pageOf,
  setSiteEnabled,
  siteOf,
  watchSite,
} from '../../src/settings/settings';
import { lazyCardHost } from '../../src/ui/lazy-card-host';
import { type Handover, loadPart } from './parts';
import { remoteFinder } from './remote-finder';

/**
 * Everything Spot Check does on a page that may hold a claim: read the site's settings, find
 * and mark claims (matching in the background), open the card, and keep up with the page.
 */
export async function checkPage({ ctx, filters, firstLook, bench }: Handover): Promise<void> {
  const site = siteOf(location.href);
  let page = pageOf(location.href);
  let dismissed = new Set<string>();

  // Whether the background last heard of claims from this frame: a frame that never had any
  // has nothing to tell (the background forgets a tab's claims when it navigates), so most
  // pages never send a message at all.
  let told = false;
  const report = (marks: readonly Mark[]) => {
    if (marks.length > 0) card.preload();
    if (marks.length === 0 && !told) return;
    told = marks.length > 0;
    const message: FoundMessage = {
      type: 'spotcheck:found',
      site,
      claims: marks.map((m) => ({ rule: m.rule.id, verdict: m.rule.verdict, text: m.text })),
    };
    // The background may be restarting; the next change reports again.
    browser.runtime.sendMessage(message).catch(() => {});
  };

  const marks = new Marks(document, {
    onActivate: (mark, how) => card.open(mark, how),
    onLeave: (mark) => card.leave(mark),
  });
  const scanner = new Scanner({
    doc: document,
    claims: remoteFinder(filters, bench?.matched),
    marks,
    schedule: idleScheduler(ctx, bench?.slice),
    isDismissed: (key) => dismissed.has(key),
    onChange: report,
    onPassEnd: () => {
      bench?.passEnd(marks.size);
      report(marks.all()); // after a navigation the background may have forgotten this tab
    },
    context: () => pageContext(document),
    firstLook,
  });
  // The card's code (and Preact's) loads once a claim is marked: pages whose words about fat or
  // waists turn out to be no claim (size charts, nutrition panels) never load it.
  const card = lazyCardHost(async () =>
    (await loadPart('cardHost', browser.runtime.getURL('/card.js')))(ctx, {
      site,
      dismiss(mark) {
        dismissed.add(mark.key);
        marks.remove(mark);
        report(marks.all());
        void dismiss(page, mark.key);
      },
      disableSite() {
        void setSiteEnabled(site, false);
      },
    }),
  );

  const start = async () => {
    dismissed = new Set(await dismissedOn(page));
    if (ctx.isValid) scanner.start();
  };
  const stop = () => {
    card.close(false);
    scanner.stop();
  };

  // A claim picked in the popup's list: brought into view, its card opened. The list gives the
  // claim's place in this frame's report; if the marks changed since, the same claim is looked up.
  const show = (message: unknown): undefined => {
    if (!isShowMessage(message)) return;
    const all = marks.all();
    const same = (mark: Mark | undefined) => mark?.rule.id === message.rule && mark.text === message.text;
    const listed = all[message.index];
    const mark = same(listed) ? listed : all.find(same);
    if (!mark) return;
    mark.indicator.scrollIntoView({ block: 'center' });
    card.open(mark, 'click');
  };
  browser.runtime.onMessage.addListener(show);

  const unwatch = watchSite(site, (enabled) => (enabled ? void start() : stop()));
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(show);
    unwatch();
    stop();
  });
  // Single-page shops swap products without a page load.
  ctx.addEventListener(window, 'wxt:locationchange', async () => {
    page = pageOf(location.href);
    dismissed = new Set(await dismissedOn(page));
    scanner.rescan();
  });
  if (await isSiteEnabled(site)) await start();
}
