// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createFilters } from '../../src/match/filters';
import { Lookout } from '../../src/page/lookout';
import { priceRows, tickPrices } from '../helpers/page';
import { compiled } from '../helpers/rules';

let current: Lookout | undefined;
afterEach(() => {
  current?.stop();
  current = undefined;
});

/** Waits for queued mutation records, the lookout's timers and its scheduled work. */
const later = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A lookout on a page with `body` (after `setUp`, for what markup cannot say, such as shadow
 * roots), counting what it reports and how often it looked. Its slices run on timers, or when
 * the test runs them from `slices`.
 */
function watch(body: string, options: { batchInterval?: number; setUp?: () => void; manualSlices?: boolean } = {}) {
  document.body.innerHTML = body;
  options.setUp?.();
  // `searches`: texts searched for stems; `searched`: their characters.
  const seen = { sightings: 0, quiet: 0, looks: 0, searches: 0, searched: 0 };
  const slices: (() => void)[] = [];
  const filters = createFilters(compiled);
  current = new Lookout({
    doc: document,
    tests: {
      stemStarts: (text, max) => {
        seen.searches++;
        seen.searched += text.length;
        return filters.stemStarts(text, max);
      },
    },
    schedule: (work) => {
      const slice = () => {
        seen.looks++;
        work(() => false);
      };
      if (options.manualSlices) slices.push(slice);
      else setTimeout(slice, 0);
    },
    onSighting: () => seen.sightings++,
    onQuiet: () => seen.quiet++,
    batchInterval: options.batchInterval ?? 5,
  });
  current.start();
  return { seen, slices, lookout: current };
}

/** Gives the first open shadow root of `tag` the markup `html`. */
const shadowOf =
  (tag: string, html = '') =>
  () => {
    const shadow = (document.querySelector(tag) as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = html;
  };

describe('the lookout on a page as it loads', () => {
  it('stays quiet on a page with nothing about fat, waists or bellies', async () => {
    const { seen } = watch('<h1>Yoga mat</h1><p>Non-slip, <b>6 mm</b> thick, machine washable.</p>');
    await later();
    expect(seen).toMatchObject({ sightings: 0, quiet: 1 });
  });

  it('reports a sighting when page text could be a claim, even split over markup', async () => {
    const { seen } = watch('<p>Zaps your <b>bel</b>ly <b>f</b>at.</p>');
    await later();
    expect(seen).toMatchObject({ sightings: 1, quiet: 0 });
  });

  it('ignores stems that occur only in scripts, styles and form fields', async () => {
    const { seen } = watch(
      '<style>h1 { font-weight: 700 }</style><h1>Yoga mat</h1>' +
        '<script type="application/json">{"weight": "1.2 kg", "note": "burns belly fat"}</script>' +
        '<textarea>Melts belly fat</textarea><select><option>Waist 28</option></select>' +
        '<noscript><p>Shop belly fat burners</p><style>b { font-weight: bold }</style></noscript>',
    );
    await later();
    expect(seen).toMatchObject({ sightings: 0, quiet: 1 });
  });

  it('passes over a long script of product data without searching it', async () => {
    // A shop's catalogue as JSON can be larger than the page's own text: no claim is read there.
    const catalogue = JSON.stringify(
      Array.from({ length: 200 }, (_, i) => ({ id: i, title: `Belly band ${i}`, note: 'burns belly fat' })),
    );
    const { seen } = watch(`<h1>Yoga mat</h1><p>Non-slip.</p><script type="application/json">${catalogue}</script>`);
    await later();
    expect(seen).toMatchObject({ sightings: 0, quiet: 1 });
    expect(seen.searched).toBeLessThan(100);
  });

  it('still reports page text that shares its stem with a style', async () => {
    const { seen } = watch('<style>h1 { font-weight: 700 }</style><p>Lose weight from your arms only.</p>');
    await later();
    expect(seen).toMatchObject({ sightings: 1, quiet: 0 });
  });

  it('looks inside open shadow roots', async () => {
    const { seen } = watch('<product-card></product-card>', {
      setUp: shadowOf('product-card', '<p>Cryo belt freezes belly fat.</p>'),
    });
    await later();
    expect(seen.sightings).toBe(1);
  });
});

describe('the lookout on a page that changes', () => {
  it('reports a review with a claim that arrives after load', async () => {
    const { seen } = watch('<h1>Slider discs</h1><div id="reviews">Loading…</div>');
    await later();
    expect(seen.quiet).toBe(1);
    (document.getElementById('reviews') as HTMLElement).innerHTML = '<p>These <em>melted my saddlebags</em>!</p>';
    await later();
    expect(seen.sightings).toBe(1);
  });

  it('reports text added in a shadow root it found empty', async () => {
    const { seen } = watch('<product-card></product-card>');
    const shadow = (document.querySelector('product-card') as HTMLElement).attachShadow({ mode: 'open' });
    await later();
    expect(seen.quiet).toBe(1);
    shadow.append(Object.assign(document.createElement('p'), { textContent: 'Zaps thigh fat.' }));
    await later();
    expect(seen.sightings).toBe(1);
  });

  it('ignores claims typed into an editable area', async () => {
    const { seen } = watch('<div contenteditable="true"><p id="draft"></p></div>');
    await later();
    (document.getElementById('draft') as HTMLElement).textContent = 'Melts belly fat fast';
    await later();
    expect(seen).toMatchObject({ sightings: 0, quiet: 1 });
  });

  it('keeps a ticker from making it look at every change', async () => {
    const { seen } = watch('<p>Price: <span id="tick">0</span></p>', { batchInterval: 100 });
    await later();
    const tick = document.getElementById('tick') as HTMLElement;
    let n = 0;
    const ticker = setInterval(() => {
      tick.textContent = String(++n);
    }, 2);
    await later(150);
    clearInterval(ticker);
    await later(150);
    expect(n).toBeGreaterThan(20);
    // the first look (two slices), then batches at least 100 ms apart: two to four, not one per change
    expect(seen.looks).toBeLessThanOrEqual(6);
    expect(seen.sightings).toBe(0);
  });

  it('looks at the whole page again, once, when a change rewrites hundreds of rows', async () => {
    const rows = priceRows(300);
    const { seen } = watch(`<h1>Live prices</h1><div id="rows">${rows}</div>`);
    await later();
    expect(seen.quiet).toBe(1);
    const rewrite = (price: string) => {
      for (const span of document.querySelectorAll('#rows span')) span.textContent = price;
    };
    seen.searches = 0;
    rewrite('20.49');
    await later();
    // The page's pieces (a few dozen), not three hundred rows one by one.
    expect(seen.searches).toBeGreaterThan(0);
    expect(seen.searches).toBeLessThan(100);
    expect(seen.sightings).toBe(0);
    // And a claim among the rewritten rows is still seen.
    rewrite('20.99');
    (document.querySelector('#rows span') as HTMLElement).textContent = 'melts belly fat';
    await later();
    expect(seen.sightings).toBe(1);
  });

  it('looks at a page that keeps rewriting itself less and less often, and still sees a claim there', async () => {
    const rows = priceRows(300);
    const { seen } = watch(`<h1>Live prices</h1><div id="rows">${rows}</div>`, { batchInterval: 10 });
    await later();
    const ticker = tickPrices([...document.querySelectorAll('#rows span')], 3);
    seen.looks = 0;
    await later(400);
    // Gaps of 10, 20, 40, 80 and then 160 ms: about six looks, where a fixed gap would take forty.
    expect(ticker.ticks()).toBeGreaterThan(20);
    expect(seen.looks).toBeLessThanOrEqual(10);
    expect(seen.sightings).toBe(0);
    // A claim in the rewritten rows is seen at the next look, however far apart they have grown.
    (document.querySelector('#rows p') as HTMLElement).append(' melts belly fat');
    await later(250);
    ticker.stop();
    expect(seen.sightings).toBe(1);
  });

  it('stops watching once stopped', async () => {
    const { seen } = watch('<div id="reviews"></div>');
    await later();
    current?.stop();
    (document.getElementById('reviews') as HTMLElement).textContent = 'Burns belly fat overnight.';
    await later();
    expect(seen.sightings).toBe(0);
  });
});

describe('handing the first look to the scanner', () => {
  it('hands over where stems start, while the page is as it was read', async () => {
    const { seen } = watch('<h1>Sauna belt</h1><p>Sweat out belly fat.</p>');
    await later();
    expect(seen.sightings).toBe(1);
    const look = current?.takeFirstLook();
    expect(look?.root).toBe(document.body);
    const text = document.body.textContent ?? '';
    expect(look?.starts.map((start) => text.slice(start, start + 5))).toEqual(['belly', 'fat.']);
  });

  it('hands over nothing once the page has changed, even by a change not yet reported', async () => {
    const { seen } = watch('<p id="claim">Sweat out belly fat.</p>');
    await later();
    expect(seen.sightings).toBe(1);
    (document.getElementById('claim') as HTMLElement).prepend('New! ');
    expect(current?.takeFirstLook()).toBeUndefined();
  });

  it('hands over nothing when the page changed before a sighting in its shadow roots', async () => {
    // Stems only in a style: the text alone is no sighting, so the shadow roots are looked at next.
    const { seen, slices, lookout } = watch(
      '<style>b { font-weight: 700 }</style><p id="p">Soft.</p><product-card></product-card>',
      { setUp: shadowOf('product-card', '<p>Zaps thigh fat.</p>'), manualSlices: true },
    );
    slices.shift()?.(); // the text: a stem
    slices.shift()?.(); // what the style holds: that stem, so no sighting
    (document.getElementById('p') as HTMLElement).prepend('New! ');
    await later(); // the change is reported
    slices.shift()?.(); // the shadow roots: a sighting
    expect(seen.sightings).toBe(1);
    expect(lookout.takeFirstLook()).toBeUndefined();
  });
});

describe('reading a huge page in more than one slice', () => {
  it('counts what scripts hold only against the text as it was read', async () => {
    // Reading the text and counting the stems in scripts and styles are two slices; a script
    // added in between holds as many stems as the text did, which must not make the text's quiet.
    const { seen, slices } = watch('<p>Lose weight the easy way.</p>', { manualSlices: true });
    slices.shift()?.(); // the text: one stem
    document.body.insertAdjacentHTML('beforeend', '<script type="application/json">{"weight": 1}</script>');
    await later(); // the change is reported
    slices.shift()?.(); // the count
    expect(seen.sightings).toBe(1);
  });
});
