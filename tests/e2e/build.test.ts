import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION } from './helpers/browser';

const read = (path: string) => readFileSync(join(EXTENSION, path), 'utf8');
const manifest = JSON.parse(read('manifest.json')) as {
  permissions?: string[];
  host_permissions?: string[];
  content_scripts: { matches: string[]; css?: string[]; js: string[] }[];
  web_accessible_resources?: unknown[];
};

describe('the built extension', () => {
  it('asks for storage only; its page access comes from the content script alone', () => {
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts.map((s) => s.matches)).toEqual([['http://*/*', 'https://*/*']]);
  });

  it('gives pages its highlight style through the manifest, so adding it never restyles a page', () => {
    const [script] = manifest.content_scripts;
    const css = (script?.css ?? []).map(read).join('\n');
    expect(css).toContain('::highlight(spotcheck-claim)');
    expect(css).toContain('spotcheck-indicator:focus-visible');
  });

  it('keeps the rules in the background: the content script carries only the first-pass filters', () => {
    const content = read('content-scripts/content.js');
    const background = read('background.js');
    for (const ruleId of ['sweat-wrap-melts-fat', 'local-fat-loss']) {
      expect(background).toContain(ruleId);
      expect(content).not.toContain(ruleId);
    }
  });

  it('lets pages reach only the parts loaded when needed, and only under a per-session URL', () => {
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['check-page.js', 'card.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
    ]);
  });

  it('keeps the card out of what pages without a marked claim compile, and the polyfill out of pages', () => {
    // The card's host element, and a message only the polyfill has.
    const polyfill = 'The message port closed before a response was received';
    expect(read('card.js')).toContain('spotcheck-card');
    expect(read('background.js')).toContain(polyfill);
    for (const file of ['content-scripts/content.js', 'check-page.js']) {
      expect(read(file)).not.toContain('spotcheck-card');
      expect(read(file)).not.toContain(polyfill);
    }
    expect(read('card.js')).not.toContain(polyfill);
  });
});
