// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createFilters } from '../../src/match/filters';
import { readPieces, stemStartsIn } from '../../src/page/page-text';
import { random } from '../bench/shop-text';
import { compiled } from '../helpers/rules';

const filters = createFilters(compiled);
const textInPieces = (root: Node) => readPieces(root).pieces.filter((piece) => typeof piece === 'string');

const WORDS = [
  'belly',
  'fat',
  'love  handles',
  'spot\nreduce',
  'tummy',
  'waist',
  'gut',
  'mat',
  'grip',
  'bottle',
  ' ',
  '',
];

/** A script of product data, `size` characters of JSON that name bellies and waists. */
const productData = (size: number) =>
  `<script type="application/json">${'{"fit":"belly band","waist":"70 cm"},'.repeat(Math.ceil(size / 38))}</script>`;

/**
 * Markup whose words are cut at random places into inline elements, comments and bare text, in
 * containers with many children, so the pieces' ends fall inside words ("<b>bel</b>ly") and
 * between the words of a phrase ("love" … "handles").
 */
function shopMarkup(seed: number, scripts = false): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const cut = (word: string) => {
    const at = Math.floor(next() * (word.length + 1));
    const wrap = pick(['b', 'i', 'span', '']);
    const head = word.slice(0, at);
    return wrap ? `<${wrap}>${head}</${wrap}>${word.slice(at)}` : `${head}<!-- x -->${word.slice(at)}`;
  };
  const container = (depth: number): string => {
    const children = Math.floor(next() * 24);
    let html = '';
    for (let i = 0; i < children; i++) {
      html +=
        scripts && next() < 0.05
          ? productData(Math.floor(next() * 3000))
          : depth < 2 && next() < 0.15
            ? `<div>${container(depth + 1)}</div>`
            : next() < 0.5
              ? cut(pick(WORDS))
              : ' '.repeat(Math.floor(next() * 50));
    }
    return html;
  };
  return container(0);
}

describe('readPieces', () => {
  it('reads text that runs together to the same as textContent, without comments', () => {
    for (let seed = 1; seed <= 20; seed++) {
      document.body.innerHTML = shopMarkup(seed);
      const pieces = textInPieces(document.body);
      expect(pieces.join('')).toBe(document.body.textContent);
    }
  });

  it('reads long lists in several pieces, a range of children at a time', () => {
    document.body.innerHTML = `<ul>${'<li>Yoga mat</li>'.repeat(100)}</ul>`;
    const pieces = textInPieces(document.body);
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe('Yoga mat'.repeat(100));
  });

  it('reads a list too long for ranges whole', () => {
    // The browser counts a range's ends from the first child: ranges over 120,000 items took seconds.
    document.body.innerHTML = `<ul>${'<li>Mat</li>'.repeat(2000)}</ul>`;
    expect(textInPieces(document.body)).toEqual(['Mat'.repeat(2000)]);
  });

  it('reads a shadow root and a lone text node', () => {
    document.body.innerHTML = '<product-card></product-card>';
    const shadow = (document.querySelector('product-card') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = `<p>Tones the core</p>${'<span>, grips</span>'.repeat(20)}`;
    expect(textInPieces(shadow).join('')).toBe(shadow.textContent);
    // What a page changes is read whole.
    expect(textInPieces(document.createTextNode('belly fat'))).toEqual(['belly fat']);
    const list = document.createElement('ul');
    list.innerHTML = '<li>Mat</li>'.repeat(20);
    expect(textInPieces(list)).toEqual(['Mat'.repeat(20)]);
  });
});

describe('stemStartsIn', () => {
  it('finds the stems one regex over the whole text finds, where markup cuts them between pieces', () => {
    let cutStems = 0;
    for (let seed = 1; seed <= 60; seed++) {
      document.body.innerHTML = shopMarkup(seed);
      const whole = filters.stemStarts(document.body.textContent ?? '', 10_000);
      // Count the stems no single piece holds: what the test is about.
      const inPieces = textInPieces(document.body).flatMap((piece) => filters.stemStarts(piece, 10_000) ?? []);
      cutStems += (whole?.length ?? 0) - inPieces.length;
      expect(stemStartsIn(document.body, filters, 10_000).starts, `seed ${seed}`).toEqual(whole);
    }
    expect(cutStems).toBeGreaterThan(10);
  });

  it('finds a phrase whose words are pieces apart, with a long run of spaces between', () => {
    // Three text nodes, three pieces: "love", a hundred spaces, "handles".
    document.body.innerHTML = `Soft love<!-- -->${' '.repeat(100)}<!-- -->handles`;
    const whole = filters.stemStarts(document.body.textContent ?? '', 100);
    expect(whole).toContain(5);
    expect(stemStartsIn(document.body, filters, 100).starts).toEqual(whole);
  });

  it('passes over long scripts, keeping the offsets of the text around them', () => {
    let passedOver = 0;
    for (let seed = 1; seed <= 60; seed++) {
      document.body.innerHTML = shopMarkup(seed, true);
      const { starts, passed } = stemStartsIn(document.body, filters, 10_000);
      const scripts = [...document.body.querySelectorAll('script')];
      // The long ones, wherever they are (even past the elements looked into one by one).
      expect([...passed], `seed ${seed}`).toEqual(scripts.filter((script) => (script.textContent ?? '').length > 2048));
      // What the page's text says with the passed-over scripts' text blanked out, at the same length.
      const blanked = document.body.cloneNode(true) as HTMLElement;
      const copies = [...blanked.querySelectorAll('script')];
      scripts.forEach((script, i) => {
        const copy = copies[i] as HTMLScriptElement;
        if (passed.has(script)) copy.textContent = '#'.repeat((script.textContent ?? '').length);
      });
      expect(starts, `seed ${seed}`).toEqual(filters.stemStarts(blanked.textContent ?? '', 10_000));
      const skipped = [...passed].reduce((n, script) => n + (script.textContent ?? '').length, 0);
      expect(textInPieces(document.body).join('').length).toBe((document.body.textContent ?? '').length - skipped);
      passedOver += passed.size;
    }
    expect(passedOver).toBeGreaterThan(10);
  });

  it('reads a long script in a list too long for ranges with the list, offsets intact', () => {
    document.body.innerHTML = `<p>Belly band</p><ul>${'<li>Mat</li>'.repeat(1100)}${productData(3000)}</ul><p>Waist 70 cm</p>`;
    const { starts, passed } = stemStartsIn(document.body, filters, 10_000);
    expect(passed.size).toBe(0);
    expect(starts).toEqual(filters.stemStarts(document.body.textContent ?? '', 10_000));
  });

  it('reads short scripts as text (the scanner tells them apart)', () => {
    document.body.innerHTML = `<p>Mat</p>${productData(500)}`;
    const { starts, passed } = stemStartsIn(document.body, filters, 10_000);
    expect(passed.size).toBe(0);
    expect(starts).toEqual(filters.stemStarts(document.body.textContent ?? '', 10_000));
  });

  it('gives up past `max` stems, as the filter does', () => {
    document.body.innerHTML = `<ul>${'<li>belly fat</li>'.repeat(40)}</ul>`;
    expect(stemStartsIn(document.body, filters, 79).starts).toBeUndefined();
    expect(stemStartsIn(document.body, filters, 80).starts).toHaveLength(80);
  });
});
