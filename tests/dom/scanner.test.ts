// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFilters } from '../../src/match/filters';
import { type ClaimFinder, localFinder } from '../../src/match/service';
import { Lookout } from '../../src/page/lookout';
import { claimKey, Marks } from '../../src/page/marks';
import { readStems } from '../../src/page/page-text';
import { Scanner } from '../../src/page/scanner';
import {
  countingSchedule,
  indicators,
  loadFixture,
  priceRows,
  settled,
  startScanner,
  tickPrices,
} from '../helpers/page';
import { compiled, shippedMatcher } from '../helpers/rules';

// Each reading of a page's text, seen (see 'starts from the lookout’s reading').
vi.mock('../../src/page/page-text', async (original) => {
  const actual = await original<typeof import('../../src/page/page-text')>();
  return { ...actual, readStems: vi.fn(actual.readStems) };
});

let current: Scanner | undefined;
afterEach(() => {
  current?.stop();
  current = undefined;
});

async function scan(fixture: string, options?: Parameters<typeof startScanner>[0]) {
  loadFixture(fixture);
  const started = startScanner(options);
  current = started.scanner;
  await settled(started.scanner);
  return started;
}

describe('marking claims on a product page', () => {
  it('marks each claim once, with the testing contract on its indicator', async () => {
    const { marks } = await scan('marketplace.html');
    expect(marks.all().map((m) => m.text)).toEqual([
      'Melts Stubborn Belly Fat',
      'burns love handles',
      'sweat out belly fat',
      'muffin top has disappeared',
    ]);
    for (const indicator of indicators()) {
      expect(indicator.getAttribute('data-spotcheck-rule')).toBe('sweat-wrap-melts-fat');
      expect(indicator.getAttribute('role')).toBe('button');
      expect(indicator.getAttribute('tabindex')).toBe('0');
      expect(indicator.getAttribute('aria-label')).toMatch(
        /^Spot Check: water loss, not fat loss in “.+” — show evidence$/,
      );
    }
    expect(indicators()).toHaveLength(4);
  });

  it('puts the indicator after the claim, outside the link it sits in', async () => {
    await scan('marketplace.html');
    const link = document.querySelector('#description a') as HTMLElement;
    expect(link.querySelector('[data-spotcheck-rule]')).toBeNull();
    expect((link.nextSibling as Element).tagName).toBe('SPOTCHECK-INDICATOR');
    // a claim split over inline elements: indicator right after the text that ends it
    const em = document.querySelector('#title em') as HTMLElement;
    expect(em.lastChild?.nodeName).toBe('SPOTCHECK-INDICATOR');
  });

  it('leaves the page text as it was', async () => {
    loadFixture('marketplace.html');
    const before = document.body.textContent;
    const { scanner } = startScanner();
    current = scanner;
    await settled(scanner);
    expect(document.body.textContent).toBe(before);
  });

  it('marks nothing on an honest store, debunking articles or a seller form', async () => {
    for (const page of ['honest-store.html', 'debunk-article.html', 'debunk-question.html', 'seller-form.html']) {
      const { marks, scanner } = await scan(page);
      expect(marks.size, page).toBe(0);
      scanner.stop();
    }
  });

  it('never touches text a person is editing', async () => {
    await scan('seller-form.html');
    expect((document.querySelector('#title-input') as HTMLInputElement).value).toBe(
      'Sauna Belt – Melts Belly Fat Fast',
    );
    expect((document.querySelector('#notes') as HTMLElement).innerHTML).toBe('Zaps arm fat in a week, say customers.');
  });

  it('leaves an editable area alone while someone types a claim into it', async () => {
    const { scanner, marks } = await scan('seller-form.html');
    const notes = document.querySelector('#notes') as HTMLElement;
    notes.append(document.createTextNode(' Melts belly fat too.'));
    (notes.firstChild as Text).data = 'Torches thigh fat, say customers.';
    await settled(scanner);
    expect(marks.size).toBe(0);
    expect(notes.querySelector('spotcheck-indicator')).toBeNull();
  });

  it('finds a claim in markup with no space between blocks (as script-built pages are)', async () => {
    document.body.innerHTML = '<nav>Add to cart</nav><p>Flab on the arms melts away with this toning band.</p>';
    const { scanner, marks } = startScanner();
    current = scanner;
    await settled(scanner);
    // the page's text reads "…cartFlab on the arms…": the first test must not need a word start
    expect(document.body.textContent).toContain('cartFlab');
    expect(marks.all().map((m) => m.text)).toEqual(['Flab on the arms melts away']);
  });

  it('finds a claim whose every anchor word is split by markup', async () => {
    // No text node holds a whole anchor word ("bel|ly", "f|at"): found from the page's text as a whole.
    document.body.innerHTML = '<p>Zaps your <b>bel</b>ly <b>f</b>at while you sit.</p>';
    const { scanner, marks } = startScanner();
    current = scanner;
    await settled(scanner);
    expect(marks.all().map((m) => m.text)).toEqual(['Zaps your belly fat']);
  });

  it('still finds a claim when text is added ahead of a first pass that is under way', async () => {
    // Every line names a waist, so the pass reads them all, in many slices.
    const filler = Array.from({ length: 1000 }, (_, i) => `<p>Waist ${60 + (i % 50)} cm, style ${i}.</p>`).join('');
    document.body.innerHTML = `${filler}<p id="claim">Flab on the arms melts away with this toning band.</p>`;
    let slices = 0;
    // Each slice is over at its second look at the clock: a few hundred text nodes at most.
    const slice = (work: (timeUp: () => boolean) => void) => {
      let looks = 0;
      work(() => ++looks > 1);
    };
    const { scanner, marks } = startScanner({
      schedule: (work) =>
        setTimeout(() => {
          // Between two slices, the page adds text before the claim (after mutations are delivered).
          if (++slices === 2) {
            const news = document.createElement('p');
            news.textContent = 'New arrivals every week, and free shipping on orders over $50.';
            document.getElementById('claim')?.before(news);
            setTimeout(() => slice(work), 0);
            return;
          }
          slice(work);
        }, 0),
    });
    current = scanner;
    await settled(scanner);
    expect(slices).toBeGreaterThan(2);
    expect(marks.all().map((m) => m.text)).toEqual(['Flab on the arms melts away']);
  });

  /** Claims marked on `page` by a first pass that may read `textNodes` text nodes. */
  const markedWithCap = async (page: string, textNodes: number) => {
    document.body.innerHTML = page;
    const { scanner, marks } = startScanner({ limits: { textNodes } });
    current = scanner;
    await settled(scanner);
    const count = marks.all().length;
    scanner.stop();
    return count;
  };

  it('reads no more text nodes in a first pass than its cap', async () => {
    // Every line names a waist, so each text node must be read to know it makes no claim.
    const filler = Array.from({ length: 30 }, (_, i) => `<p>Waist ${70 + i} cm, style ${i}.</p>`).join('');
    const page = `${filler}<p>Flab on the arms melts away with this toning band.</p>`;
    // The claim is the 31st text node: a cap of 30 stops the pass just before it.
    expect(await markedWithCap(page, 30)).toBe(0);
    expect(await markedWithCap(page, 31)).toBe(1);
  });

  it('goes straight to the part of a long page where words about fat are, reading none before it', async () => {
    const filler = Array.from({ length: 300 }, (_, i) => `<p>Plain cotton tee, style <b>${i}</b>.</p>`).join('');
    const page = `<main>${filler}<p>Flab on the arms melts away with this toning band.</p></main>`;
    // 900 text nodes come before the claim; a pass that may read 60 still reaches it (it starts
    // from the few paragraphs read as one piece with the claim's).
    expect(await markedWithCap(page, 60)).toBe(1);
  });

  it('starts from the lookout’s reading of the page instead of reading it again', async () => {
    loadFixture('marketplace.html');
    // Reads of the whole page's text.
    const reads = () => vi.mocked(readStems).mock.calls.filter(([root]) => root === document.body).length;
    vi.mocked(readStems).mockClear();
    const lookout = new Lookout({
      doc: document,
      tests: createFilters(compiled),
      schedule: (work) => setTimeout(() => work(() => false), 0),
      onSighting: () => {},
    });
    lookout.start();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reads()).toBe(1);
    const { scanner, marks } = startScanner({ firstLook: () => lookout.takeFirstLook() });
    current = scanner;
    await settled(scanner);
    expect(reads()).toBe(1);
    expect(marks.all()).toHaveLength(4);
  });

  it('finishes the first pass in many short slices when every slice is over at once', async () => {
    loadFixture('marketplace.html');
    const { schedule, slices } = countingSchedule(() => true);
    const { scanner, marks } = startScanner({ schedule });
    current = scanner;
    await settled(scanner);
    expect(marks.all()).toHaveLength(4);
    expect(slices()).toBeGreaterThan(4); // at least one block per slice, then a pause
  });

  it('skips claims dismissed on this page', async () => {
    const { marks } = await scan('marketplace.html', {
      dismissed: [claimKey('sweat-wrap-melts-fat', 'burns love handles')],
    });
    expect(marks.all().map((m) => m.text)).not.toContain('burns love handles');
    expect(marks.size).toBe(3);
  });
});

describe('following a page that changes', () => {
  it('marks reviews that arrive after the first pass', async () => {
    const { scanner, marks } = await scan('marketplace.html');
    const review = document.createElement('div');
    review.innerHTML = '<p>Wore it daily and it <b>zapped my thigh fat</b> in a month.</p>';
    document.querySelector('#reviews')?.append(review);
    await settled(scanner);
    expect(marks.all().map((m) => m.text)).toContain('zapped my thigh fat');
  });

  it('reads nothing of added markup whose only words about fat are in a script or style', async () => {
    const { scanner, marks } = await scan('honest-store.html');
    const walk = document.createTreeWalker.bind(document);
    let walks = 0;
    document.createTreeWalker = (...args: Parameters<Document['createTreeWalker']>) => {
      walks++;
      return walk(...args);
    };
    try {
      const widget = document.createElement('div');
      widget.innerHTML =
        '<style>.tile b { font-weight: 700 }</style><p>Soft and breathable.</p><script>track("belly fat")</script>';
      document.body.append(widget);
      await settled(scanner);
      expect(walks).toBe(0);
      widget.append(Object.assign(document.createElement('p'), { textContent: 'Zaps thigh fat.' }));
      await settled(scanner);
      expect(walks).toBeGreaterThan(0);
      expect(marks.all().map((m) => m.text)).toEqual(['Zaps thigh fat']);
    } finally {
      document.createTreeWalker = walk;
    }
  });

  it('drops a mark when its text is removed or reworded, and adds one when text becomes a claim', async () => {
    const { scanner, marks } = await scan('marketplace.html');
    document.querySelector('#reviews .review')?.remove();
    const bullet = document.querySelector('#bullets li strong') as HTMLElement;
    (bullet.firstChild as Text).data = 'warms your core';
    const plain = document.querySelector('#bullets li:nth-child(2)') as HTMLElement;
    (plain.firstChild as Text).data = 'Torches thigh fat. Fits waists 24–46 in.';
    await settled(scanner);
    expect(marks.all().map((m) => m.text)).toEqual([
      'Melts Stubborn Belly Fat',
      'sweat out belly fat',
      'Torches thigh fat',
    ]);
    expect(indicators()).toHaveLength(3);
  });

  it('drops a mark when words added around it turn the claim into a debunking', async () => {
    document.body.innerHTML = '<p id="claim"><span id="lead"></span>This belt burns belly fat.</p>';
    const { scanner, marks } = startScanner();
    current = scanner;
    await settled(scanner);
    expect(marks.all()).toHaveLength(1);
    (document.getElementById('lead') as HTMLElement).textContent = 'It is a myth that ';
    await settled(scanner);
    expect(marks.all()).toHaveLength(0);
    expect(indicators()).toHaveLength(0);
  });

  it('does not react to its own marks (no endless loop of work)', async () => {
    const { scanner, changes } = await scan('marketplace.html');
    const after = changes.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    await settled(scanner);
    expect(changes.length).toBe(after);
  });

  it('rescans once when a page changes wholesale', async () => {
    const { scanner, marks } = await scan('marketplace.html', { limits: { queue: 50 } });
    const list = document.createElement('div');
    for (let i = 0; i < 200; i++) list.append(Object.assign(document.createElement('p'), { textContent: `Item ${i}` }));
    list.append(Object.assign(document.createElement('p'), { textContent: 'New: this gel melts thigh fat.' }));
    document.body.append(list);
    await settled(scanner);
    expect(marks.all().map((m) => m.text)).toContain('melts thigh fat');
  });

  it('reads a page that keeps rewriting hundreds of rows less and less often, and still marks a claim there', async () => {
    const rows = priceRows(300);
    document.body.innerHTML = `<h1>Live prices</h1><p>Size chart: waist 70 cm.</p><div id="rows">${rows}</div>`;
    const { schedule, slices } = countingSchedule();
    const { scanner, marks } = startScanner({ limits: { batchInterval: 10 }, schedule });
    current = scanner;
    await settled(scanner);
    const ticker = tickPrices([...document.querySelectorAll('#rows span')], 3);
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const before = slices();
    await wait(400);
    // 300 changed rows a batch: gaps of 10, 20, 40, 80 and then 160 ms, where a fixed gap would
    // give about forty batches.
    expect(ticker.ticks()).toBeGreaterThan(20);
    expect(slices() - before).toBeLessThanOrEqual(10);
    // A claim in the rewritten rows is marked at the next batch, however far apart they have grown.
    (document.querySelector('#rows p') as HTMLElement).append(' This wrap melts belly fat.');
    await wait(250);
    ticker.stop();
    await settled(scanner);
    expect(marks.all().map((m) => m.text)).toEqual(['melts belly fat']);
  });

  it('reads open shadow roots, and their later changes', async () => {
    const { scanner, marks } = await scan('honest-store.html');
    const host = document.createElement('product-card');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<h2>Cryo belt <span>freezes belly fat</span> at home</h2>';
    await settled(scanner);
    expect(marks.all().map((m) => m.text)).toEqual(['freezes belly fat']);
    expect(indicators(shadow)).toHaveLength(1);
    // manifest styles do not reach into shadow roots, so the root gets its own copy; the
    // document never gets one (restyling a whole page is what the manifest copy avoids)
    expect(shadow.querySelectorAll('style[data-spotcheck-style]')).toHaveLength(1);
    expect(document.querySelector('style[data-spotcheck-style]')).toBeNull();
    shadow.append(Object.assign(document.createElement('p'), { textContent: 'Also zaps arm fat.' }));
    await settled(scanner);
    expect(marks.all().map((m) => m.text)).toEqual(['freezes belly fat', 'zaps arm fat']);
  });
});

describe('waiting for answers', () => {
  /** A finder whose answers wait until the test releases them. */
  function heldFinder() {
    const local = localFinder(shippedMatcher());
    const held: (() => void)[] = [];
    const finder: ClaimFinder = {
      ...local,
      find: (texts, context) =>
        new Promise((resolve) => held.push(() => void local.find(texts, context).then(resolve))),
    };
    const release = async () => {
      for (const answer of held.splice(0)) answer();
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    return { finder, held, release };
  }

  function scanWith(finder: ClaimFinder, passes: number[]) {
    const marks = new Marks(document, { onActivate: () => {} });
    const scanner = new Scanner({
      doc: document,
      claims: finder,
      marks,
      schedule: (work) => setTimeout(() => work(() => false), 0),
      limits: { batchInterval: 5 },
      onPassEnd: () => passes.push(marks.size),
    });
    current = scanner;
    scanner.start();
    return { scanner, marks };
  }

  it('ends the first pass only when every answer is drawn', async () => {
    loadFixture('marketplace.html');
    const { finder, held, release } = heldFinder();
    const passes: number[] = [];
    const { scanner } = scanWith(finder, passes);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(held.length).toBeGreaterThan(0); // everything is read, the answers are not in
    expect(passes).toEqual([]);
    await release();
    await settled(scanner);
    expect(passes).toEqual([4]);
  });

  it('ignores an answer about text that changed while it was on its way', async () => {
    document.body.innerHTML = '<p id="claim">This sauna belt melts belly fat in a week.</p>';
    const { finder, held, release } = heldFinder();
    const { scanner, marks } = scanWith(finder, []);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(held).toHaveLength(1);
    (document.querySelector('#claim')?.firstChild as Text).data = 'This sauna belt is made of neoprene.';
    await new Promise((resolve) => setTimeout(resolve, 30)); // the change is read (and needs no answer)
    await release();
    await settled(scanner);
    expect(marks.size).toBe(0);
    expect(indicators()).toHaveLength(0);
  });
});

describe('cleaning up', () => {
  it('removes every indicator and style it added when stopped', async () => {
    const { scanner, marks } = await scan('marketplace.html');
    expect(marks.size).toBeGreaterThan(0);
    scanner.stop();
    expect(
      document.querySelectorAll('spotcheck-indicator, [data-spotcheck-style], [data-spotcheck-rule]'),
    ).toHaveLength(0);
    // and stops following the page
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Melts belly fat.' }));
    await settled(scanner);
    expect(marks.size).toBe(0);
  });
});
