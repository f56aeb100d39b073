import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../..');

/**
 * Time for a test that starts CLI processes: each starts tsx and compiles the rules, a second or
 * more on a busy 2-core machine, and one test may start several.
 */
export const CLI_TIMEOUT = 30_000;

/** Runs one of the npm CLI commands the way `npm run --silent <name> -- args` would. */
export function runCli(script: 'scan' | 'eval' | 'rules-check', args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli', `${script}.ts`), ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
