// A crash between writing a save's temporary file and renaming it leaves the temporary file;
// the next start of the host removes it, and nothing else.
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createPlacewiseHost } from '../../../electron/host/host';

let dir: string;
let child: ChildProcess | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'placewise-crash-'));
});
afterEach(async () => {
  child?.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

test('the temporary file of a save killed before its rename is removed at the next start, and no user file', async () => {
  const folder = join(dir, 'project');
  const dataDir = join(dir, 'data');
  await mkdir(folder);
  const target = join(folder, 'scenario.yaml');
  await writeFile(target, 'the old text\n');
  // A user's files with names like a temporary file's.
  const users = ['scenario.yaml.1', 'scenario.yaml.bak', '.scenario.yaml.tmp', 'scenario.yaml.1234567890'];
  for (const name of users) await writeFile(join(folder, name), 'mine\n');

  child = fork(join(import.meta.dirname, 'interrupted-save-child.ts'), [target, dataDir], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const temporary = await new Promise<string>((resolve, reject) => {
    child!.once('message', (message) => resolve((message as { renaming: string }).renaming));
    child!.once('exit', (code) => reject(new Error(`the saving process ended early (${code})`)));
  });
  const killed = new Promise((resolve) => child!.once('exit', resolve));
  child.kill('SIGKILL');
  await killed;
  expect(await readFile(temporary, 'utf8')).toBe('the new text of the save\n');
  expect(await readFile(target, 'utf8')).toBe('the old text\n');

  const host = createPlacewiseHost({ transport: 'http', dataDir, startScenarioPath: null, version: 'test' });
  await host.hostInfo();
  expect(existsSync(temporary)).toBe(false);
  expect((await readdir(folder)).sort()).toEqual([...users, 'scenario.yaml'].sort());
  for (const name of users) expect(await readFile(join(folder, name), 'utf8')).toBe('mine\n');
  expect(await readFile(target, 'utf8')).toBe('the old text\n');
  expect(await readdir(join(dataDir, 'writes-in-flight'))).toEqual([]);
});
