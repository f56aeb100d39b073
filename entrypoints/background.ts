import rules from 'virtual:spotcheck-rules';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMatcher, type Matcher } from '../src/match/matcher';
import { findClaims } from '../src/match/service';
import { isMessage, type MatchAnswer } from '../src/messages';
import { findingsFor, forgetTab, recordFindings } from '../src/settings/findings';

/** The badge on the toolbar button: how many claims are marked in the tab. */
async function setBadge(tabId: number, count: number): Promise<void> {
  // Firefox's Manifest V2 build has browserAction where Chrome's V3 has action.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  try {
    await action.setBadgeBackgroundColor({ tabId, color: '#c2410c' });
    await action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 99)) : '' });
  } catch {
    // the tab closed meanwhile
  }
}

/** Built on the first request, then shared by every tab for as long as the background lives. */
let matcher: Matcher | undefined;

function match(texts: readonly string[], context: string): MatchAnswer {
  const started = performance.now();
  matcher ??= createMatcher(rules);
  const claims = findClaims(matcher, texts, context);
  return { claims, ms: performance.now() - started };
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isMessage(message)) return undefined;
    if (message.type === 'spotcheck:match') {
      if (!Array.isArray(message.texts) || typeof message.context !== 'string') return undefined;
      return Promise.resolve(match(message.texts, message.context));
    }
    if (message.type === 'spotcheck:found') {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      return recordFindings(tabId, sender.frameId ?? 0, message.site, message.claims).then((count) =>
        setBadge(tabId, count),
      );
    }
    return findingsFor(message.tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new page loads: what the old one had is gone (the new page's frames report afresh).
    if (change.status === 'loading' && change.url) {
      void forgetTab(tabId).then(() => setBadge(tabId, 0));
    }
  });
});
