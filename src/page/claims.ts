import type { Match, Matcher } from '../match/matcher';
import type { TextBlock } from './extract';

export interface BlockClaim {
  readonly block: TextBlock;
  readonly match: Match;
}

/**
 * What names the product on a page (its title and main heading), so a claim in a bullet point
 * can be explained by the product it is about. Reads textContent, which needs no layout.
 */
export function pageContext(doc: Document): string {
  const heading = doc.querySelector('h1')?.textContent ?? '';
  return `${doc.title ?? ''}\n${heading}`.slice(0, 500);
}

/** Claims in each block, matched one block at a time (a claim never spans two blocks). */
export function claimsInBlocks(blocks: readonly TextBlock[], matcher: Matcher, context: string): BlockClaim[] {
  const found: BlockClaim[] = [];
  for (const block of blocks) {
    if (!matcher.mayContain(block.text)) continue;
    for (const match of matcher.match(block.text, { context })) found.push({ block, match });
  }
  return found;
}
