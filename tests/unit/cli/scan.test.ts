import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, ROOT, runCli } from '../../helpers/run-cli';

const fixture = (name: string) => `tests/fixtures/cli/${name}`;

describe('npm run scan', { timeout: CLI_TIMEOUT }, () => {
  it('prints each claim with its place, rule, verdict and sentence', () => {
    const { status, stdout } = runCli('scan', [fixture('listing.txt')]);
    expect(status).toBe(0);
    expect(stdout).toContain('tests/fixtures/cli/listing.txt: 1 claim');
    expect(stdout).toMatch(/line 2 {2}sweat-wrap-melts-fat \(Water loss, not fat loss\)/);
    expect(stdout).toContain('Neoprene waist trimmer: [burns stubborn belly fat] while you work out!');
    expect(stdout).not.toContain('Crunches');
  });

  it('reads HTML through the extension’s visible-text extraction', () => {
    const { status, stdout } = runCli('scan', ['--json', fixture('page.html')]);
    expect(status).toBe(0);
    const [result] = JSON.parse(stdout) as { file: string; matches: { rule: string; text: string }[] }[];
    // Only the visible list item: not the script, style, hidden div, template or form fields.
    expect(result?.matches.map((m) => m.text)).toEqual(['Melts stubborn belly fat']);
    expect(result?.matches[0]?.rule).toBe('cream-melts-local-fat');
  });

  it('gives offsets that slice the claim out of the scanned text', () => {
    const { stdout } = runCli('scan', ['--json', fixture('listing.txt')]);
    const text = readFileSync(join(ROOT, fixture('listing.txt')), 'utf8');
    const [result] = JSON.parse(stdout) as { matches: { start: number; end: number; text: string }[] }[];
    expect(result?.matches.length).toBe(1);
    for (const m of result?.matches ?? []) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('reads the first line of a text, set off by a blank line, as its title', () => {
    const article = 'Does Running Burn Buttocks Fat\n\nRunning for burning buttocks fat works best with intervals.';
    expect(JSON.parse(runCli('scan', ['--json', '-'], article).stdout)[0].matches).toEqual([]);
    // a listing's first line is a product like the others
    const listing = 'Does Running Burn Buttocks Fat\nRunning for burning buttocks fat works best with intervals.';
    expect(JSON.parse(runCli('scan', ['--json', '-'], listing).stdout)[0].matches).toHaveLength(1);
  });

  it('reads stdin for "-"', () => {
    const { status, stdout } = runCli('scan', ['--json', '-'], 'Zaps hip fat on contact.');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)[0].matches[0].text).toBe('Zaps hip fat');
  });

  it('prints one JSON line per input line for --jsonl, naming bad lines and keeping the rest', () => {
    const { status, stdout, stderr } = runCli('scan', ['--jsonl', fixture('texts.jsonl')]);
    expect(status).toBe(1);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 7]);
    expect(lines[0].matches).toEqual([
      { rule: 'local-fat-loss', category: 'general', start: 0, end: 15, text: 'Melts belly fat' },
    ]);
    expect(lines[1].matches).toEqual([]);
    expect(stderr).toContain('tests/fixtures/cli/texts.jsonl:3: not valid JSON');
  });

  it('names a missing file and a binary file, and still reports the good ones', () => {
    const { status, stdout, stderr } = runCli('scan', [
      fixture('nope.txt'),
      fixture('archive.zip'),
      fixture('listing.txt'),
    ]);
    expect(status).toBe(1);
    expect(stderr).toContain('tests/fixtures/cli/nope.txt: no such file');
    expect(stderr).toContain('tests/fixtures/cli/archive.zip: looks like a binary file');
    expect(stdout).toContain('listing.txt: 1 claim');
  });

  it('explains what it saw but did not flag', () => {
    const { stderr } = runCli('scan', ['--explain', fixture('listing.txt')]);
    expect(stderr).toContain('line 3: not flagged (negated): "burn belly fat"');
  });

  it('says how to use it', () => {
    const { status, stderr } = runCli('scan', []);
    expect(status).toBe(2);
    expect(stderr).toContain('usage: scan');
  });
});

describe('npm run eval', { timeout: CLI_TIMEOUT }, () => {
  it('prints precision, recall, F1, categories, misses and false alarms', () => {
    const { status, stdout } = runCli('eval', ['tests/corpus/claims.jsonl']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/precision \d\.\d{3} {2}recall \d\.\d{3} {2}F1 \d\.\d{3}/);
    expect(stdout).toContain('category');
    expect(stdout).toMatch(/missed \(\d+\):/);
    expect(stdout).toMatch(/false alarms \(\d+\):/);
  });

  it('fails below a required figure and on malformed lines', () => {
    const strict = runCli('eval', ['tests/corpus/claims.jsonl', '--min-recall', '1.01']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/recall \d\.\d{3} is below 1\.01/);
    const bad = runCli('eval', [fixture('texts.jsonl')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('tests/fixtures/cli/texts.jsonl:1: field "flag" must be true or false');
    // every line is malformed: no scores at all, rather than a perfect 1.000 of nothing
    expect(bad.stdout).not.toContain('precision');
    expect(bad.stderr).toContain('tests/fixtures/cli/texts.jsonl: no labelled texts to score');
  });
});
