import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, ROOT, runCli } from '../../helpers/run-cli';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A copy of the rules folder with `edit` applied to one file. */
function brokenRules(file: string, edit: (text: string) => string): string {
  dir = mkdtempSync(join(tmpdir(), 'spotcheck-rules-'));
  cpSync(join(ROOT, 'rules'), dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

describe('npm run rules:check', { timeout: CLI_TIMEOUT }, () => {
  it('passes the shipped rules with a summary', () => {
    const { status, stdout } = runCli('rules-check', ['rules']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/rules: \d+ rules, \d+ patterns, \d+ examples: all good/);
  });

  it('fails with FILE:LINE for a bad category and a failing example', () => {
    const folder = brokenRules('topical.yaml', (text) =>
      text
        .replace('category: topical', 'category: lotion')
        .replace('Rich body butter that softens', 'Melts belly fat and softens'),
    );
    const { status, stderr } = runCli('rules-check', [folder]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/topical\.yaml:\d+: unknown category "lotion"/);
    expect(stderr).toMatch(/problem\(s\) in /);
  });

  it('checks a single file against the lexicon beside it', () => {
    const folder = brokenRules('ems.yaml', (text) =>
      text.replace('Electric toothbrush with two heads.', 'Electric toothbrush that melts belly fat.'),
    );
    const { status, stderr } = runCli('rules-check', [join(folder, 'ems.yaml')]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/ems\.yaml:\d+: example must not be flagged but was/);
  });

  it('names a path that does not exist', () => {
    const { status, stderr } = runCli('rules-check', ['no/such/rules']);
    expect(status).toBe(1);
    expect(stderr).toContain('no/such/rules: no such file or folder');
  });
});
