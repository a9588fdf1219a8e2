// A crash between writing a save's temporary file and renaming it leaves the temporary file;
// the next start of the host removes it, and nothing else.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

/** Saves `target` in a child host process and kills it as it renames its first temporary file; returns that file. */
async function saveKilledBeforeRename(target: string, dataDir: string): Promise<string> {
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
  return temporary;
}

test('the temporary file of a save killed before its rename is removed at the next start, and no user file', async () => {
  const folder = join(dir, 'project');
  const dataDir = join(dir, 'data');
  await mkdir(folder);
  const target = join(folder, 'scenario.yaml');
  await writeFile(target, 'the old text\n');
  // A user's files with names like a temporary file's.
  const users = ['scenario.yaml.1', 'scenario.yaml.bak', '.scenario.yaml.tmp', 'scenario.yaml.1234567890'];
  for (const name of users) await writeFile(join(folder, name), 'mine\n');

  const temporary = await saveKilledBeforeRename(target, dataDir);
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

test('a save of a hard-linked file killed while writing its verified copy leaves nothing at the next start', async () => {
  const dataDir = join(dir, 'data');
  const target = join(dir, 'scenario.yaml');
  await writeFile(target, 'the old text\n');
  await link(target, join(dir, 'other-name.yaml'));
  const temporary = await saveKilledBeforeRename(target, dataDir);
  // write-file-atomic's temporary file of the copy, in the journal's folder.
  expect(dirname(temporary)).toBe(join(dataDir, 'writes-in-flight'));

  const host = createPlacewiseHost({ transport: 'http', dataDir, startScenarioPath: null, version: 'test' });
  await host.hostInfo();
  expect(await readdir(join(dataDir, 'writes-in-flight'))).toEqual([]);
  expect(await readFile(target, 'utf8')).toBe('the old text\n');
  expect((await stat(target)).nlink).toBe(2);
});

test('the writes of another host that shares the data folder, still running, are left alone', async () => {
  const dataDir = join(dir, 'data');
  const journal = join(dataDir, 'writes-in-flight');
  await mkdir(journal, { recursive: true });
  const entry = (pid: number, temporary: string) =>
    JSON.stringify({ target: join(dir, 'a.yaml'), sha256: 'x', temporary, copy: null, started: '', pid });
  const dead = spawn(process.execPath, ['-e', '']);
  const deadPid = await new Promise<number>((resolve) => dead.once('exit', () => resolve(dead.pid!)));
  // A process that runs until the test ends stands for the other host.
  child = spawn(process.execPath, ['-e', 'setInterval(() => undefined, 60_000)']);
  await writeFile(join(journal, 'aaaa.json'), entry(child.pid!, join(dir, 'a.yaml.111')));
  await writeFile(join(journal, 'aaaa.copy.5'), 'its copy in progress');
  await writeFile(join(dir, 'a.yaml.111'), 'its save in progress');
  await writeFile(join(journal, 'bbbb.json'), entry(deadPid, join(dir, 'a.yaml.222')));
  await writeFile(join(dir, 'a.yaml.222'), 'a crashed save');

  const host = createPlacewiseHost({ transport: 'http', dataDir, startScenarioPath: null, version: 'test' });
  await host.hostInfo();
  expect((await readdir(journal)).sort()).toEqual(['aaaa.copy.5', 'aaaa.json']);
  expect((await readdir(dir)).sort()).toEqual(['a.yaml.111', 'data']);
});
