// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BREAK } from '../../src/match/normalize';
import {
  blockTargets,
  extractBlocks,
  isInSkipped,
  isSkipped,
  locate,
  SKIPPED_TEXT_HOLDERS,
} from '../../src/page/extract';

beforeEach(() => {
  document.body.innerHTML = '';
});

const texts = () => extractBlocks(document.body).map((b) => b.text.trim());

describe('visible text extraction', () => {
  it('joins a claim split over inline elements into one block', () => {
    document.body.innerHTML = '<p><strong>Melts</strong> stubborn <em>belly <b>fat</b></em> fast</p><p>Next</p>';
    expect(texts()).toEqual(['Melts stubborn belly fat fast', 'Next']);
  });

  it('keeps separate blocks apart, including a block nested inside another', () => {
    document.body.innerHTML = '<div>Melts <p>inner</p> belly fat</div><ul><li>one</li><li>two</li></ul>';
    expect(texts()).toEqual(['Melts', 'inner', 'belly fat', 'one', 'two']);
  });

  it('turns <br> into a hard break inside the block', () => {
    document.body.innerHTML = '<p>Melts belly fat<br>Free shipping</p>';
    expect(extractBlocks(document.body)[0]?.text).toBe(`Melts belly fat${BREAK}Free shipping`);
  });

  it('skips scripts, styles, templates, form fields, editable and hidden text, and its own UI', () => {
    document.body.innerHTML = `
      <p>visible</p>
      <script>var a = "burns belly fat";</script><style>p{}</style><noscript>ns</noscript>
      <template><p>tpl</p></template>
      <textarea>typed</textarea><input value="in"><select><option>opt</option></select>
      <div contenteditable="true">editing</div><div contenteditable="false">not editable</div>
      <div hidden>hidden</div><div style="display:none">none</div><div aria-hidden="true">aria</div>
      <spotcheck-indicator>ours</spotcheck-indicator>`;
    expect(texts()).toEqual(['visible', 'not editable']);
  });

  it('skips every element the lookout counts as never read', () => {
    // The lookout ignores stems inside these; that is only right if extraction never reads them.
    for (const tag of SKIPPED_TEXT_HOLDERS.split(',')) expect(isSkipped(document.createElement(tag))).toBe(true);
  });

  it('reads open shadow roots', () => {
    document.body.innerHTML = '<product-card></product-card><p>light</p>';
    const host = document.querySelector('product-card') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<h2>Burns <i>thigh fat</i></h2>';
    expect(texts()).toEqual(['light', 'Burns thigh fat']);
  });

  it('stops after a limit of text nodes', () => {
    document.body.innerHTML = '<p>a</p><p>b</p><p>c</p>';
    expect(extractBlocks(document.body, 2).map((b) => b.text)).toEqual(['a', 'b']);
  });

  it('locates a block offset in its text nodes', () => {
    document.body.innerHTML = '<p><strong>Melts</strong> belly fat</p>';
    const [block] = extractBlocks(document.body);
    if (!block) throw new Error('no block');
    const start = locate(block, 0);
    const end = locate(block, 5, true);
    const later = locate(block, 6);
    expect(start?.node.data).toBe('Melts');
    expect(end).toEqual({ node: start?.node, offset: 5 });
    expect(later?.node.data).toBe(' belly fat');
    expect(later?.offset).toBe(1);
  });
});

describe('text inside something skipped', () => {
  it('gives the same answers with answers remembered as without, in any order', () => {
    document.body.innerHTML =
      '<main><ul><li id="a">Mat</li><li hidden><b id="b">Belly</b> fat</li></ul><div contenteditable><p id="c">Waist</p></div><p id="d">Grip</p></main>';
    const nodes = ['b', 'a', 'c', 'd'].map((id) => (document.getElementById(id) as Element).firstChild as Node);
    const alone = nodes.map((node) => isInSkipped(node, new Map()));
    expect(alone).toEqual([true, false, true, false]);
    const known = new Map<Node, boolean>();
    expect(nodes.map((node) => isInSkipped(node, known))).toEqual(alone);
    expect([...nodes].reverse().map((node) => isInSkipped(node, known))).toEqual([...alone].reverse());
    // Asked once, the shared ancestors are not asked again.
    const main = document.querySelector('main') as Element;
    expect(known.get(main)).toBe(false);
    expect(known.get(document.getElementById('b') as Element)).toBe(true);
  });
});

describe('which blocks to read again after changes', () => {
  it('reads each changed block once, not a block inside another, nor text in a skipped element', () => {
    document.body.innerHTML = `
      <section id="outer"><p id="inner">Row <b id="b">1</b></p></section>
      <p id="other">Price <span id="price">9</span></p>
      <textarea id="typed">draft</textarea>
      <div id="host"></div>`;
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p id="shadowed">In a web component</p>';
    const byId = (id: string) => document.getElementById(id) as Node;
    const changed = [
      (byId('b') as Element).firstChild as Node, // a word inside a paragraph: the paragraph
      byId('outer'), // and the section around it, changed too: the section alone
      (byId('price') as Element).firstChild as Node,
      (byId('price') as Element).firstChild as Node,
      (byId('typed') as Element).firstChild as Node,
      (shadow.getElementById('shadowed') as Element).firstChild as Node,
    ];
    expect(blockTargets(changed, document).map((node) => (node as Element).id)).toEqual(['outer', 'other', 'shadowed']);
  });

  it('finds nested blocks without comparing every changed block with every other', () => {
    // A live price list rewrites a thousand rows at once; pairwise checks took 50-80 ms.
    document.body.innerHTML = Array.from({ length: 1000 }, (_, i) => `<p>Row ${i} <span>${i}</span></p>`).join('');
    const changed = [...document.querySelectorAll('span')].map((span) => span.firstChild as Node);
    const contains = vi.spyOn(Node.prototype, 'contains');
    try {
      expect(blockTargets(changed, document)).toHaveLength(1000);
      expect(contains.mock.calls.length).toBeLessThan(1000);
    } finally {
      contains.mockRestore();
    }
  });
});
