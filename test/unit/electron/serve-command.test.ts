import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
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

describe.runIf(process.platform === 'linux')('placewise serve --open where no browser opens', () => {
  async function serveOpen(env: NodeJS.ProcessEnv): Promise<{ url: string; notice: string }> {
    dataDir = await mkdtemp(join(tmpdir(), 'placewise-open-'));
    child = spawn(process.execPath, [bin, 'serve', '--open', '--data-dir', dataDir], {
      cwd: root,
      env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = /^Placewise is running at (\S+)$/.exec(await firstLine(child))![1];
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    await expect.poll(() => stderr, { timeout: 30_000 }).toContain('\n');
    return { url, notice: stderr.trim() };
  }

  /** A folder holding an `xdg-open` that fails as it does on a machine with no browser. */
  async function failingOpener(): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), 'placewise-opener-'));
    await writeFile(join(folder, 'xdg-open'), '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    return folder;
  }

  test('says to open the URL when xdg-open fails', async () => {
    const folder = await failingOpener();
    const { url, notice } = await serveOpen({ DISPLAY: ':99', PATH: `${folder}:${process.env.PATH}` });
    expect(notice).toBe(`placewise: cannot open a browser here (xdg-open exited with code 3); open ${url} in yours`);
    await rm(folder, { recursive: true, force: true });
  });

  test('says to open the URL when xdg-open is missing', async () => {
    const { url, notice } = await serveOpen({ DISPLAY: ':99', PATH: await mkdtemp(join(tmpdir(), 'placewise-path-')) });
    expect(notice).toBe(`placewise: cannot open a browser here (xdg-open is not installed); open ${url} in yours`);
  });

  test('says to open the URL on a machine without a display, without trying', async () => {
    const folder = await failingOpener();
    const { url, notice } = await serveOpen({ PATH: `${folder}:${process.env.PATH}` });
    expect(notice).toBe(`placewise: cannot open a browser here (no display); open ${url} in yours`);
    await rm(folder, { recursive: true, force: true });
  });
});

/** Resolves the browser-mode URL once the started process prints it; collects its stderr. */
function browserModeUrl(started: ChildProcess, output: { stderr: string }): Promise<string> {
  let stdout = '';
  started.stderr?.on('data', (chunk) => (output.stderr += chunk));
  return new Promise<string>((resolve, reject) => {
    started.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const match = /Placewise is running at (\S+)/.exec(stdout);
      if (match) resolve(match[1]);
    });
    started.on('exit', (code) => reject(new Error(`start exited with ${code}: ${output.stderr}`)));
  });
}

// No display, so that Electron (where its binary is installed) cannot open a window either.
const headless = { CI: '1', DISPLAY: '', WAYLAND_DISPLAY: '' };

test('npm start says what it builds, says in one line why there is no desktop window, and stops on SIGINT', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'placewise-start-'));
  // As on a first start (or after a pull): the built app is older than its sources.
  const builtIndex = join(root, 'dist-app', 'index.html');
  if (existsSync(builtIndex)) await utimes(builtIndex, new Date(0), new Date(0));
  child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { ...process.env, ...headless, PLACEWISE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stderr: '' };
  const url = await browserModeUrl(child, output);
  const lines = output.stderr.trim().split('\n');
  expect(lines[0]).toMatch(/^placewise: building the app into dist-app\/ \(.+\)\.\.\.$/);
  expect(lines[1]).toMatch(/^placewise: built in \d+\.\d s$/);
  const notice = lines.filter((line) => line.includes('desktop window'));
  expect(notice).toHaveLength(1);
  expect(notice[0]).toMatch(
    /^placewise: no desktop window \((Electron's binary is not installed|Electron exited at start).+\); opening the same app in your browser instead \(browser mode, served on 127\.0\.0\.1\)\.$/,
  );
  expect(output.stderr).not.toContain('delete node_modules/electron');
  expect((await fetch(url)).status).toBe(200);

  const exited = new Promise<number | null>((resolve) => child?.on('exit', resolve));
  child.kill('SIGINT');
  expect(await exited).toBe(0);
  // The browser-mode server it started stopped with it.
  await expect(fetch(url)).rejects.toThrow();
}, 180_000);

test('SIGTERM to the npm running `npm start` stops the whole tree', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'placewise-npm-start-'));
  child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, ...headless, PLACEWISE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await browserModeUrl(child, { stderr: '' });
  expect((await fetch(url)).status).toBe(200);
  child.kill('SIGTERM');
  // npm hands the signal to the shell running the script, which dies without passing it on.
  await expect
    .poll(
      () =>
        fetch(url).then(
          () => 'answering',
          () => 'stopped',
        ),
      { timeout: 30_000, interval: 250 },
    )
    .toBe('stopped');
}, 120_000);
