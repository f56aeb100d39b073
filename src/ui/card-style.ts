/**
 * The card's styles, inside its shadow root: page CSS cannot reach them and they cannot leak.
 * Sized in px (the page's rem and font-size are not ours); light and dark follow the system.
 */
export const CARD_CSS = `
html, body { all: initial; }
.card {
  position: fixed; z-index: 2147483647; box-sizing: border-box;
  width: 360px; max-width: calc(100vw - 16px); max-height: 480px; overflow: auto; overscroll-behavior: contain;
  padding: 14px 16px 12px; border-radius: 10px;
  font: 400 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
  color: #1f2328; background: #ffffff; border: 1px solid #d0d7de;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.18);
  letter-spacing: normal; word-spacing: normal; text-transform: none; direction: ltr;
}
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid #1971c2; outline-offset: 2px; }
.top { display: flex; align-items: center; justify-content: space-between; margin: 0 0 6px; }
.brand { display: inline-flex; align-items: center; gap: 6px; font-size: 12px; font-weight: 600; color: #57606a; }
.brand svg { width: 14px; height: 14px; }
.brand circle { fill: #d9480f; }
.brand path { stroke: #fff; stroke-width: 2; stroke-linecap: round; }
.brand .dot { fill: #fff; }
.close { all: unset; cursor: pointer; width: 28px; height: 28px; border-radius: 6px; text-align: center;
  font-size: 20px; line-height: 28px; color: #57606a; }
.close:hover { background: #f3f4f6; }
.close:focus-visible, button:focus-visible, a:focus-visible, summary:focus-visible { outline: 2px solid #1971c2; outline-offset: 2px; }
.verdict { margin: 0 0 8px; font-size: 17px; line-height: 1.3; font-weight: 700; color: #c2410c; }
.claim { margin: 0 0 10px; padding: 6px 10px; border-left: 3px solid #fdba74; background: #fff7ed;
  border-radius: 4px; font-style: italic; color: #57534e; overflow-wrap: anywhere; }
.rebuttal { margin: 0 0 10px; font-weight: 500; }
h3 { margin: 12px 0 4px; font-size: 12px; line-height: 1.3; font-weight: 700; text-transform: uppercase;
  letter-spacing: 0.04em; color: #57606a; }
p { margin: 0 0 8px; }
details { margin: 8px 0; }
summary { cursor: pointer; color: #0969da; }
details p { margin-top: 6px; }
.evidence { margin: 0; padding: 0; list-style: none; font-size: 13px; }
.evidence li { margin: 0 0 6px; overflow-wrap: anywhere; }
.finding { font-size: 12px; line-height: 1.4; }
.kind { display: inline-block; margin-right: 4px; padding: 0 5px; border-radius: 4px; font-size: 11px;
  font-weight: 600; background: #eef2f6; color: #475569; }
.finding { display: block; color: #57606a; }
a { color: #0969da; }
/* Always in view, however far the card is scrolled. */
.actions { position: sticky; bottom: -12px; display: flex; flex-wrap: wrap; gap: 8px; margin: 12px -16px -12px;
  padding: 10px 16px 12px; border-top: 1px solid #e5e7eb; background: inherit; }
.actions button { all: unset; cursor: pointer; padding: 6px 12px; border-radius: 6px; font: 500 13px/1.2 system-ui, sans-serif;
  border: 1px solid #d0d7de; background: #f6f8fa; color: #1f2328; }
.actions button:hover { background: #eef1f4; }
@media (prefers-color-scheme: dark) {
  .card { color: #e6edf3; background: #161b22; border-color: #30363d; box-shadow: 0 8px 28px rgba(0, 0, 0, 0.6); }
  .brand, h3, .finding, .close { color: #9da7b3; }
  .close:hover { background: #21262d; }
  .verdict { color: #fb923c; }
  .claim { background: #2a1d12; border-left-color: #c2410c; color: #d6d3d1; }
  .kind { background: #21262d; color: #c9d1d9; }
  a, summary { color: #58a6ff; }
  .actions { border-top-color: #30363d; }
  .actions button { background: #21262d; border-color: #30363d; color: #e6edf3; }
  .actions button:hover { background: #30363d; }
}
@media (forced-colors: active) {
  .card { border: 1px solid CanvasText; }
}
`;
