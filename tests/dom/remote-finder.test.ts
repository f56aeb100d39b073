import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { remoteFinder } from '../../entrypoints/content/remote-finder';
import { createFilters } from '../../src/match/filters';
import { findClaims } from '../../src/match/service';
import type { MatchAnswer, MatchRequest } from '../../src/messages';
import { compiled, shippedMatcher } from '../helpers/rules';

beforeEach(() => {
  fakeBrowser.reset();
});

/** A background that answers match requests, after failing the first `failures` of them. */
function background(failures = 0): { requests: MatchRequest[] } {
  const requests: MatchRequest[] = [];
  fakeBrowser.runtime.onMessage.addListener((received: unknown) => {
    const message = received as MatchRequest;
    requests.push(message);
    if (requests.length <= failures) throw new Error('Could not establish connection');
    const answer: MatchAnswer = { claims: findClaims(shippedMatcher(), message.texts, message.context), ms: 1 };
    return Promise.resolve(answer);
  });
  return { requests };
}

describe('asking the background for claims', () => {
  it('filters in the page and gets claims, with their rules, from the background', async () => {
    const { requests } = background();
    const finder = remoteFinder(createFilters(compiled));
    expect(finder.mayContain('Free returns on every order.')).toBe(false);
    expect(finder.mayContain('This belt melts belly fat.')).toBe(true);
    const [claims, none] = await finder.find(['This belt melts belly fat.', 'Soft and breathable.'], 'Sauna belt');
    expect(claims?.map((c) => [c.text, c.rule.id, c.rule.verdict.length > 0])).toEqual([
      ['melts belly fat', 'sweat-wrap-melts-fat', true],
    ]);
    expect(none).toEqual([]);
    expect(requests).toEqual([
      { type: 'spotcheck:match', texts: ['This belt melts belly fat.', 'Soft and breathable.'], context: 'Sauna belt' },
    ]);
  });

  it('asks again once when the background was asleep, and reports the time it took', async () => {
    const { requests } = background(1);
    const times: number[] = [];
    const [claims] = await remoteFinder(createFilters(compiled), (ms) => times.push(ms)).find(
      ['Zaps thigh fat fast.'],
      '',
    );
    expect(claims?.map((c) => c.text)).toEqual(['Zaps thigh fat']);
    expect(requests).toHaveLength(2);
    expect(times).toEqual([1]);
  });

  it('answers "no claims" rather than failing when the background cannot be reached', async () => {
    const { requests } = background(5);
    expect(await remoteFinder(createFilters(compiled)).find(['Melts belly fat.', 'Zaps thigh fat.'], '')).toEqual([
      [],
      [],
    ]);
    expect(requests).toHaveLength(2);
  });
});
