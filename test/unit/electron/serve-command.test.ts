import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'bin', 'placewise.mjs');
let child: ChildProcess | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  child?.kill('SIGTERM');
  child = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function firstLine(process: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    process.stdout?.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.split('\n')[0]);
    });
    process.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

// `npm start` and `placewise serve` share this file so that they never build dist-app/ at the same time.
describe('placewise serve', () => {
  test('serves the app on 127.0.0.1 on a free port and prints the URL', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'placewise-serve-'));
    child = spawn(process.execPath, [bin, 'serve', '--data-dir', dataDir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const line = await firstLine(child);
    const url = /^Placewise is running at (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(line)?.[1];
    expect(url, line).toBeDefined();
    const page = await fetch(url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="placewise-token"');
  });

  test('bad input exits 2 with the reason', () => {
    const badPort = spawnSync(process.execPath, [bin, 'serve', '--port', 'abc'], { cwd: root, encoding: 'utf8' });
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain("--port: 'abc' is not a port (0-65535)");
    const missing = spawnSync(process.execPath, [bin, 'serve', 'no-such.yaml'], { cwd: root, encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no-such.yaml: no such file');
  });
});

test('npm start says in one line that Electron is missing and serves browser mode instead', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'placewise-start-'));
  child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { ...process.env, CI: '1', PLACEWISE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child?.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const match = /Placewise is running at (\S+)/.exec(stdout);
      if (match) resolve(match[1]);
    });
    child?.on('exit', (code) => reject(new Error(`start exited with ${code}: ${stderr}`)));
  });
  const notice = stderr.split('\n').filter((line) => line.includes('Electron'));
  expect(notice).toHaveLength(1);
  expect(notice[0]).toMatch(
    /^placewise: Electron (is not available here|could not start) \(.+\); starting browser mode instead\.$/,
  );
  expect((await fetch(url)).status).toBe(200);

  const exited = new Promise<number | null>((resolve) => child?.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  // The browser-mode server it started stopped with it.
  await expect(fetch(url)).rejects.toThrow();
}, 120_000);
