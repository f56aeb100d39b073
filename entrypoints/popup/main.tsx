import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { TabFindings, TabQuery } from '../../src/messages';
import { tabFindings } from '../../src/settings/findings';
import { disabledSites, isSiteEnabled, setSiteEnabled } from '../../src/settings/settings';
import { Popup } from '../../src/ui/Popup';
import './style.css';

/** The tab the popup is about: the active one, or `?tabId=` (opening the popup page for a given tab). */
async function tabId(): Promise<number | undefined> {
  const given = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(given) && given > 0) return given;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
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
    />
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
