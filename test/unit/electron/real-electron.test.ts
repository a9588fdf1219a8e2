// The desktop app in the real Electron binary. Where the binary is missing (it cannot be
// downloaded on the machines this project is built on) the test is skipped and says why;
// everything else about the shell is tested against a fake `electron` module.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/placewise-cli';

function electronBinary(): { path?: string; reason?: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as string;
    const version = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000 });
    if (version.status !== 0)
      return {
        reason: `the Electron binary at ${path} does not start (${version.stderr.trim() || version.error?.message})`,
      };
    return { path };
  } catch {
    return { reason: 'the Electron binary is not installed (`npm run fetch-electron` downloads it)' };
  }
}

const binary = electronBinary();
if (binary.reason) console.warn(`skipping the real-Electron smoke test: ${binary.reason}; browser mode covers the app`);

describe('the real Electron binary', () => {
  it.skipIf(!binary.path)('starts the app, loads the renderer from the app protocol and quits', () => {
    const bundle = spawnSync(process.execPath, [join(root, 'scripts', 'start.mjs'), '--bundle-only'], { cwd: root });
    expect(bundle.status).toBe(0);
    const run = spawnSync(binary.path!, [join(root, 'dist', 'electron', 'main.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PLACEWISE_SMOKE_TEST: '1', ELECTRON_ENABLE_LOGGING: '1' },
    });
    expect(run.stdout).toMatch(/placewise: ready app:\/\//);
  });
});
