// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { BREAK } from '../../src/match/normalize';
import { extractBlocks, isSkipped, locate, SKIPPED_TEXT_HOLDERS } from '../../src/page/extract';

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
