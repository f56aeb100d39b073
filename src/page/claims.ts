/**
 * What names the product on a page (its title and main heading), so a claim in a bullet point
 * can be explained by the product it is about. Reads textContent, which needs no layout.
 */
export function pageContext(doc: Document): string {
  const heading = doc.querySelector('h1')?.textContent ?? '';
  return `${doc.title ?? ''}\n${heading}`.slice(0, 500);
}
