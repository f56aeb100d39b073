import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../..');

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
