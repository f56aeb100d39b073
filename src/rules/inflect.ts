/**
 * English word forms, so rule authors write "melt" and the rules find "melts", "melted" and
 * "melting". Where spelling is uncertain (a doubled final consonant) both forms are produced:
 * shop copy misspells as often as it spells, and an extra alternative costs nothing.
 */

const VOWEL = /[aeiou]/;

function sibilant(word: string): boolean {
  return /(s|x|z|ch|sh)$/.test(word);
}

/** Forms of a verb: base, third person, past, participle, gerund, and any irregular forms. */
export function verbForms(verb: string, irregular: readonly string[] = []): string[] {
  const forms = new Set<string>([verb, ...irregular]);
  const last = verb.slice(-1);
  const beforeLast = verb.slice(-2, -1);
  if (last === 'y' && !VOWEL.test(beforeLast)) {
    const stem = verb.slice(0, -1);
    forms.add(`${stem}ies`).add(`${stem}ied`).add(`${verb}ing`);
  } else if (last === 'e' && verb.length > 2) {
    const stem = verb.slice(0, -1);
    forms.add(`${verb}s`).add(`${verb}d`).add(`${stem}ing`);
  } else {
    forms.add(sibilant(verb) ? `${verb}es` : `${verb}s`);
    if (last === 'o') forms.add(`${verb}es`); // zero → zeroes (and zeros)
    forms.add(`${verb}ed`).add(`${verb}ing`);
    // consonant-vowel-consonant endings often double: zap → zapped, trim → trimming
    const cvc = /[^aeiou][aeiou][^aeiouwxy]$/.test(verb);
    if (cvc) forms.add(`${verb}${last}ed`).add(`${verb}${last}ing`);
  }
  return [...forms];
}

/** Singular and plural of a noun (the last word of a phrase is the one pluralised). */
export function nounForms(noun: string, irregular: readonly string[] = []): string[] {
  const forms = new Set<string>([noun, ...irregular]);
  const last = noun.slice(-1);
  if (last === 's') return [...forms];
  if (last === 'y' && !VOWEL.test(noun.slice(-2, -1))) forms.add(`${noun.slice(0, -1)}ies`);
  else forms.add(sibilant(noun) ? `${noun}es` : `${noun}s`);
  return [...forms];
}

/** Inflects the first word of a phrase ("break down" → "breaks down", "broke down", ...). */
export function phraseVerbForms(phrase: string, irregular: ReadonlyMap<string, readonly string[]>): string[] {
  const space = phrase.search(/[ -]/);
  const head = space < 0 ? phrase : phrase.slice(0, space);
  const rest = space < 0 ? '' : phrase.slice(space);
  return verbForms(head, irregular.get(head) ?? []).map((form) => form + rest);
}

/** Pluralises the last word of a noun phrase ("love handle" → "love handles"). */
export function phraseNounForms(phrase: string, irregular: ReadonlyMap<string, readonly string[]>): string[] {
  const space = Math.max(phrase.lastIndexOf(' '), phrase.lastIndexOf('-'));
  const head = phrase.slice(0, space + 1);
  const tail = phrase.slice(space + 1);
  return nounForms(tail, irregular.get(tail) ?? []).map((form) => head + form);
}
