// Runs the `placewise` command as a user would, a whole process, for command-line tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll } from 'vitest';
import { ensureCliBundle } from '../../../scripts/bundle-cli.mjs';

export const root = fileURLToPath(new URL('../../..', import.meta.url));
/** The file npm links as the `placewise` command (bin/placewise.cjs). */
export const launcher = join(
  root,
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: { placewise: string } }).bin.placewise,
);

export function placewise(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  return placewiseWith({}, ...args);
}

/** `placewise` with these environment variables added. */
export function placewiseWith(
  env: NodeJS.ProcessEnv,
  ...args: string[]
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [launcher, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A file in a fresh temporary folder of this test file's own. */
export function scratchFile(name: string, text: string): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'placewise-cli-'));
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}
let scratch: string | undefined;

/** Builds the CLI bundle once before the tests of a file, so that no test pays for it. */
export function buildCliFirst(): void {
  beforeAll(async () => {
    await ensureCliBundle();
  });
}
