/**
 * Builds a compact regex for a list of literal words, sharing prefixes:
 * ["burn", "burns", "burned"] → "burn(?:s|ed)?". Smaller sources compile faster and match
 * faster, which matters because word classes are inlined into many patterns.
 * `sep` replaces the spaces and hyphens inside phrases.
 */
interface Node {
  end: boolean;
  children: Map<string, Node>;
}

const SPECIAL = /[.*+?^${}()|[\]\\/]/;

export function wordsToRegex(words: readonly string[], sep: string): string {
  const root: Node = { end: false, children: new Map() };
  for (const word of new Set(words)) {
    let node = root;
    for (const ch of word.replace(/[ -]+/g, ' ')) {
      let next = node.children.get(ch);
      if (!next) {
        next = { end: false, children: new Map() };
        node.children.set(ch, next);
      }
      node = next;
    }
    node.end = true;
  }
  return emit(root, sep);
}

function emit(node: Node, sep: string): string {
  const branches = [...node.children.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([ch, child]) => (ch === ' ' ? sep : SPECIAL.test(ch) ? `\\${ch}` : ch) + emit(child, sep));
  if (branches.length === 0) return '';
  // Longer continuations are tried first (alternation is ordered), so "love handles" beats "love".
  const body = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
  if (!node.end) return body;
  return isSingleUnit(body) ? `${body}?` : `(?:${body})?`;
}

/** True when `?` after `source` would apply to all of it. */
function isSingleUnit(source: string): boolean {
  if (/^\\?.$/.test(source)) return true;
  if (!source.startsWith('(?:') || !source.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0 && i < source.length - 1) return false;
  }
  return true;
}
