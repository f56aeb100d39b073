/**
 * npm run --silent eval -- FILE.jsonl [--min-precision 0.95] [--min-recall 0.9]
 *
 * Scores the rules on labelled texts ({"id","text","flag","cover","category","why"} per line):
 * precision, recall, F1, figures per category, and every miss and false alarm. Exits 1 when a
 * line is malformed or a figure is below a given minimum.
 */
import { parseArgs } from 'node:util';
import { parseLabelled } from '../corpus/labelled';
import { score } from '../corpus/score';
import { readTextOrReport } from './inputs';
import { loadMatcherOrExit } from './rules-source';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'min-precision': { type: 'string' }, 'min-recall': { type: 'string' }, rules: { type: 'string' } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error('usage: eval FILE.jsonl [--min-precision 0.95] [--min-recall 0.9]');
    return 2;
  }
  const { matcher } = loadMatcherOrExit(values.rules);
  const text = readTextOrReport(file);
  if (text === undefined) return 1;
  const { items, errors } = parseLabelled(text);
  for (const error of errors) console.error(`${file}:${error.line}: ${error.message}`);

  if (items.length === 0) {
    // Scores of nothing would read as perfect ones.
    console.error(`${file}: no labelled texts to score`);
    return 1;
  }
  const result = score(items, (t) => matcher.match(t));
  const flagged = items.filter((i) => i.flag).length;
  const pct = (n: number) => n.toFixed(3);
  console.log(`${file}: ${items.length} texts, ${flagged} flagged, ${items.length - flagged} not`);
  console.log(
    `precision ${pct(result.precision)}  recall ${pct(result.recall)}  F1 ${pct(result.f1)}` +
      `  (caught ${result.caught.length}, missed ${result.missed.length}, false alarms ${result.falseAlarms.length})`,
  );
  console.log('\ncategory                 texts  right');
  for (const [category, { total, right }] of [...result.categories].sort()) {
    console.log(`  ${category.padEnd(22)} ${String(total).padStart(5)}  ${String(right).padStart(5)}`);
  }
  console.log(`\nmissed (${result.missed.length}):`);
  for (const item of result.missed) {
    const dismissed = matcher
      .explain(item.text)
      .dismissed.map((d) => `${d.reason}: "${item.text.slice(d.start, d.end)}"`)
      .join('; ');
    console.log(`  ${item.id} [${item.category}] ${item.text}${dismissed ? `  (dismissed ${dismissed})` : ''}`);
  }
  console.log(`\nfalse alarms (${result.falseAlarms.length}):`);
  for (const { item, found } of result.falseAlarms) {
    console.log(`  ${item.id} [${item.category}] ${item.text}  (found: ${found.map((f) => `"${f}"`).join(', ')})`);
  }

  let failed = errors.length > 0;
  const minPrecision = values['min-precision'] === undefined ? undefined : Number(values['min-precision']);
  const minRecall = values['min-recall'] === undefined ? undefined : Number(values['min-recall']);
  if (minPrecision !== undefined && result.precision < minPrecision) {
    console.error(`precision ${pct(result.precision)} is below ${minPrecision}`);
    failed = true;
  }
  if (minRecall !== undefined && result.recall < minRecall) {
    console.error(`recall ${pct(result.recall)} is below ${minRecall}`);
    failed = true;
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
