import { afterEach, describe, expect, it } from 'vitest';
import { loadPart } from '../../entrypoints/content/parts';

/** A file as the loader meets it: a script that hands over a part (or forgets to). */
const file = (body: string) => `data:text/javascript,${encodeURIComponent(body)}`;

const world = globalThis as { spotcheckParts?: unknown; loads?: number };
afterEach(() => {
  delete world.spotcheckParts;
  delete world.loads;
});

describe('loading a part of Spot Check when it is needed', () => {
  it('returns the part the loaded file provides', async () => {
    const url = file('globalThis.spotcheckParts = { ...globalThis.spotcheckParts, cardHost: () => "card" };');
    const create = await loadPart('cardHost', url);
    expect((create as unknown as () => string)()).toBe('card');
  });

  it('names the file and the part when the file does not provide it', async () => {
    const url = file('globalThis.loads = 1;'); // runs, but hands nothing over
    await expect(loadPart('checkPage', url)).rejects.toThrow(`${url} loaded, but did not provide the part "checkPage"`);
  });
});
