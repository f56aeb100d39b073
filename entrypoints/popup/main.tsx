import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ShowMessage, TabClaim, TabFindings, TabQuery } from '../../src/messages';
import { tabFindings } from '../../src/settings/findings';
import { disabledSites, isSiteEnabled, setSiteEnabled } from '../../src/settings/settings';
import { Popup } from '../../src/ui/Popup';
import './style.css';

/** `?tabId=`: the popup page opened in a tab of its own, about a given tab. */
const given = Number(new URLSearchParams(location.search).get('tabId'));
const givenTab = Number.isInteger(given) && given > 0 ? given : undefined;

/** The tab the popup is about: the active one, or the given one. */
async function tabId(): Promise<number | undefined> {
  if (givenTab !== undefined) return givenTab;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Shows a listed claim on its page (the frame's content script scrolls to it and opens its card). */
async function showOnPage(claim: TabClaim): Promise<void> {
  const id = await tabId();
  if (id === undefined) return;
  const message: ShowMessage = { type: 'spotcheck:show', rule: claim.rule, text: claim.text, index: claim.index };
  // The page may have been reloaded or closed meanwhile: then there is nothing to show.
  await browser.tabs.sendMessage(id, message, { frameId: claim.frameId }).catch(() => {});
  // As a toolbar popup it closes, so the page and the card are in view; in a tab it stays.
  if (givenTab === undefined) window.close();
}

async function activeTabFindings(): Promise<TabFindings> {
  const id = await tabId();
  if (id === undefined) return { site: '', claims: [] };
  const query: TabQuery = { type: 'spotcheck:tab', tabId: id };
  return ((await browser.runtime.sendMessage(query)) as TabFindings | undefined) ?? { site: '', claims: [] };
}

function App() {
  const [state, setState] = useState<{ findings: TabFindings; enabled: boolean } | undefined>();
  useEffect(() => {
    const load = async () => {
      const findings = await activeTabFindings();
      setState({ findings, enabled: findings.site === '' || (await isSiteEnabled(findings.site)) });
    };
    void load();
    // Claims can arrive while the popup is open (a review loads, the switch is flipped).
    const unwatchFindings = tabFindings.watch(() => void load());
    const unwatchSites = disabledSites.watch(() => void load());
    return () => {
      unwatchFindings();
      unwatchSites();
    };
  }, []);
  if (!state) return null;
  return (
    <Popup
      site={state.findings.site}
      enabled={state.enabled}
      claims={state.findings.claims}
      onToggle={(enabled) => void setSiteEnabled(state.findings.site, enabled)}
      onShow={(claim) => void showOnPage(claim)}
    />
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
