/**
 * happy-dom's `Range.toString` walks the range's container from its first node, testing each
 * text node's place, for every range: reading a long list a range at a time (as `readPieces`
 * does) took seconds. For the ranges that reads, children start to end of one container, this
 * gives the same text, as the DOM standard defines it, at once; other ranges keep happy-dom's.
 */
const original = Range.prototype.toString;

Range.prototype.toString = function rangeText(this: Range): string {
  const container = this.startContainer;
  if (container !== this.endContainer || container.nodeType === 3 || container.nodeType === 4) {
    return original.call(this);
  }
  let text = '';
  const children = container.childNodes;
  for (let i = this.startOffset; i < this.endOffset; i++) {
    const child = children[i] as Node;
    if (child.nodeType === 1) text += child.textContent ?? '';
    else if (child.nodeType === 3 || child.nodeType === 4) text += (child as CharacterData).data;
  }
  return text;
};
