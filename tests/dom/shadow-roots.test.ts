// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { shadowRootsUnder } from '../../src/page/sparse';

const attach = (host: Element, html: string) => {
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = html;
  return shadow;
};

it('finds the open shadow roots of web components, however deep, and of the root itself', () => {
  document.body.innerHTML =
    '<main><ul><li><product-card id="a"></product-card></li></ul><div><price-tag id="b"></price-tag></div><review-list id="closed"></review-list></main>';
  const a = attach(document.getElementById('a') as Element, '<p>Tones <star-rating id="c"></star-rating></p>');
  const b = attach(document.getElementById('b') as Element, '<span>19.99</span>');
  (document.getElementById('closed') as Element).attachShadow({ mode: 'closed' });
  expect(shadowRootsUnder(document.body)).toEqual([a, b]);

  // Searching a shadow root finds the hosts inside it; searching a host finds its own root.
  const c = attach(a.getElementById('c') as Element, '★★★★☆');
  expect(shadowRootsUnder(a)).toEqual([c]);
  expect(shadowRootsUnder(document.getElementById('a') as Element)).toEqual([a]);
});

it('leaves out the common built-in elements, which web-component shops do not host text in', () => {
  document.body.innerHTML = '<div id="d"></div><section id="s"></section>';
  attach(document.getElementById('d') as Element, '<p>In a div</p>');
  attach(document.getElementById('s') as Element, '<p>In a section</p>');
  expect(shadowRootsUnder(document.body)).toEqual([]);
});
