import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isMessage } from '../src/messages';
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

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isMessage(message)) return undefined;
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
