import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findingsFor, forgetTab, recordFindings } from '../../src/settings/findings';
import {
  disabledSites,
  dismiss,
  dismissedOn,
  isSiteEnabled,
  pageOf,
  setSiteEnabled,
  siteOf,
  watchSite,
} from '../../src/settings/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings', () => {
  it('names sites by host without www, and pages without their fragment', () => {
    expect(siteOf('https://www.shop.example/p/123?x=1#reviews')).toBe('shop.example');
    expect(siteOf('not a url')).toBe('');
    expect(pageOf('https://shop.example/p/123?x=1#reviews')).toBe('https://shop.example/p/123?x=1');
  });

  it('turns warnings off and on per site, and tells watchers', async () => {
    const listener = vi.fn();
    const unwatch = watchSite('shop.example', listener);
    expect(await isSiteEnabled('shop.example')).toBe(true);
    await setSiteEnabled('shop.example', false);
    expect(await isSiteEnabled('shop.example')).toBe(false);
    expect(await isSiteEnabled('other.example')).toBe(true);
    await setSiteEnabled('other.example', false); // another site: no news for this watcher
    await setSiteEnabled('shop.example', true);
    expect(listener.mock.calls).toEqual([[false], [true]]);
    expect(await disabledSites.getValue()).toEqual(['other.example']);
    unwatch();
  });

  it('remembers dismissed claims per page, forgetting the oldest pages first', async () => {
    await dismiss('https://a.example/1', 'rule|melts belly fat');
    await dismiss('https://a.example/1', 'rule|melts belly fat');
    await dismiss('https://a.example/1', 'rule|zaps arm fat');
    expect(await dismissedOn('https://a.example/1')).toEqual(['rule|melts belly fat', 'rule|zaps arm fat']);
    expect(await dismissedOn('https://a.example/2')).toEqual([]);
    for (let i = 0; i < 305; i++) await dismiss(`https://b.example/${i}`, 'k');
    expect(await dismissedOn('https://a.example/1')).toEqual([]);
    expect(await dismissedOn('https://b.example/304')).toEqual(['k']);
    expect(await dismissedOn('https://b.example/5')).toEqual(['k']);
  });
});

describe('what was found in each tab', () => {
  it('lists every frame’s claims with the frame and each claim’s place in its report', async () => {
    const claim = (text: string) => ({ rule: 'sweat-wrap-melts-fat', verdict: 'Water loss, not fat loss', text });
    expect(await recordFindings(7, 0, 'shop.example', [claim('melts belly fat'), claim('burns love handles')])).toBe(2);
    expect(await recordFindings(7, 3, 'ads.example', [claim('sweat out belly fat')])).toBe(3);
    const findings = await findingsFor(7);
    expect(findings.site).toBe('shop.example'); // the top frame names the tab's site
    expect(findings.claims.map(({ frameId, index, text }) => [frameId, index, text])).toEqual([
      [0, 0, 'melts belly fat'],
      [0, 1, 'burns love handles'],
      [3, 0, 'sweat out belly fat'],
    ]);
    await forgetTab(7);
    expect(await findingsFor(7)).toEqual({ site: '', claims: [] });
  });
});
