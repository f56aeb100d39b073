import rules from 'virtual:spotcheck-rules';
import { createMatcher, type Matcher } from '../../src/match/matcher';

/** The shipped rules, compiled exactly as the extension bundles them. */
export const compiled = rules;

let matcher: Matcher | undefined;
export function shippedMatcher(): Matcher {
  matcher ??= createMatcher(rules);
  return matcher;
}

/** Texts of the claims found, for short assertions. */
export function claimsIn(text: string, context?: string): string[] {
  return shippedMatcher()
    .match(text, context === undefined ? {} : { context })
    .map((m) => m.text);
}

export function ruleFor(text: string): string | undefined {
  return shippedMatcher().match(text)[0]?.rule;
}
