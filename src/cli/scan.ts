/**
 * npm run --silent scan -- [--json] [--explain] FILE...   (FILE may be "-" for stdin)
 * npm run --silent scan -- --jsonl FILE                    (lines of {"id","text"})
 *
 * Prints the claims Spot Check would flag, using the same rules, matcher and (for HTML) the same
 * visible-text extraction as the extension. Exits 1 if any input could not be read (after
 * reporting all the others), 2 on a usage mistake.
 */
import { parseArgs } from 'node:util';
import type { Match, Matcher } from '../match/matcher';
import { BREAK } from '../match/normalize';
import { InputError, readInput, readTextOrReport, type ScanInput } from './inputs';
import { loadMatcherOrExit } from './rules-source';

type JsonMatch = Pick<Match, 'rule' | 'category' | 'start' | 'end' | 'text'>;

const USAGE = 'usage: scan [--json] [--explain] FILE... | scan --jsonl FILE   (FILE may be - for stdin)';

function main(): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  const { matcher } = loadMatcherOrExit(values.rules);
  if (values.jsonl !== undefined) return scanJsonl(values.jsonl, matcher);
  if (positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  let failed = false;
  const results: { input: ScanInput; matches: (JsonMatch & { where: string; sentence: string })[] }[] = [];
  for (const file of positionals) {
    try {
      const input = readInput(file);
      results.push({ input, matches: scanInput(input, matcher, values.explain === true) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      console.error(error.message);
      failed = true;
    }
  }
  if (values.json) {
    const json = results.map(({ input, matches }) => ({
      file: input.file,
      matches: matches.map(({ rule, category, start, end, text }) => ({ rule, category, start, end, text })),
    }));
    console.log(JSON.stringify(json, null, 2));
  } else {
    for (const { input, matches } of results) printReadable(input, matches, matcher);
  }
  return failed ? 1 : 0;
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      jsonl: { type: 'string' },
      explain: { type: 'boolean' },
      rules: { type: 'string' },
    },
  });
}

/** Matches in every block, with offsets into the input's text. */
function scanInput(input: ScanInput, matcher: Matcher, explain: boolean) {
  return input.blocks.flatMap((block) => {
    const result = matcher.explain(block.text, { context: input.context });
    if (explain) {
      for (const d of result.dismissed) {
        console.error(
          `${input.file} ${block.where}: not flagged (${d.reason}): "${block.text.slice(d.start, d.end)}" [${d.rule}]`,
        );
      }
    }
    return result.matches.map((m) => ({
      rule: m.rule,
      category: m.category,
      start: block.start + m.start,
      end: block.start + m.end,
      text: m.text,
      where: block.where,
      sentence: sentenceAround(block.text, m.start, m.end),
    }));
  });
}

/** The claim in its sentence, with the claim in [brackets], for people reading the output. */
export function sentenceAround(text: string, start: number, end: number): string {
  const flat = text.split(BREAK).join(' ');
  const before = flat.slice(0, start);
  const sentenceStart = Math.max(before.search(/[^.!?]*$/), start - 160);
  const rest = flat.slice(end);
  const stop = rest.search(/[.!?](\s|$)/);
  const sentenceEnd = end + Math.min(stop < 0 ? rest.length : stop + 1, 160);
  const lead = sentenceStart > 0 && !/[.!?]\s*$/.test(flat.slice(0, sentenceStart)) ? '…' : '';
  const tail = sentenceEnd < flat.length && !/[.!?]$/.test(flat.slice(end, sentenceEnd)) ? '…' : '';
  return `${lead}${flat.slice(sentenceStart, start).trimStart()}[${flat.slice(start, end)}]${flat.slice(end, sentenceEnd)}${tail}`;
}

function printReadable(
  input: ScanInput,
  matches: readonly (JsonMatch & { where: string; sentence: string })[],
  matcher: Matcher,
): void {
  if (matches.length === 0) {
    console.log(`${input.file}: no claims found`);
    return;
  }
  console.log(`${input.file}: ${matches.length} claim${matches.length === 1 ? '' : 's'}`);
  for (const m of matches) {
    const verdict = matcher.rule(m.rule)?.verdict ?? '';
    console.log(`  ${m.where}  ${m.rule} (${verdict})`);
    console.log(`    ${m.sentence}`);
  }
}

function scanJsonl(file: string, matcher: Matcher): number {
  const text = readTextOrReport(file);
  if (text === undefined) return 1;
  let failed = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    const where = `${file}:${index + 1}`;
    let item: unknown;
    try {
      item = JSON.parse(raw);
    } catch (error) {
      console.error(`${where}: not valid JSON (${(error as Error).message})`);
      failed = true;
      return;
    }
    const { id, text: body } = (item ?? {}) as { id?: unknown; text?: unknown };
    if ((typeof id !== 'string' && typeof id !== 'number') || typeof body !== 'string') {
      console.error(`${where}: expected {"id": ..., "text": "..."}`);
      failed = true;
      return;
    }
    const matches = matcher
      .match(body)
      .map(({ rule, category, start, end, text: found }) => ({ rule, category, start, end, text: found }));
    console.log(JSON.stringify({ id, matches }));
  });
  return failed ? 1 : 0;
}

process.exitCode = main();
