// The desktop app in the real Electron binary. Where the binary is missing (it cannot be
// downloaded on the machines this project is built on) the test is skipped and says why;
// everything else about the shell is tested against a fake `electron` module.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
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
  it.skipIf(!binary.path)(
    'starts the app on the app protocol, sandboxed and isolated from inside the page, saves a scenario and runs a benchmark',
    () => {
      const bundle = spawnSync(process.execPath, [join(root, 'scripts', 'start.mjs'), '--bundle-only'], { cwd: root });
      expect(bundle.status).toBe(0);
      const dir = mkdtempSync(join(tmpdir(), 'placewise-smoke-'));
      try {
        const scenario = join(dir, 'smoke.yaml');
        const original = readFileSync(join(root, 'scenarios', 'ar-translation.yaml'), 'utf8');
        writeFileSync(scenario, original);
        const run = spawnSync(binary.path!, [join(root, 'dist', 'electron', 'main.mjs'), scenario], {
          cwd: root,
          encoding: 'utf8',
          timeout: 60_000,
          env: {
            ...process.env,
            PLACEWISE_SMOKE_TEST: '1',
            PLACEWISE_SMOKE_SCENARIO: scenario,
            ELECTRON_ENABLE_LOGGING: '1',
          },
        });
        expect(run.stdout).toMatch(/placewise: ready app:\/\//);
        const line = run.stdout.split('\n').find((entry) => entry.startsWith('placewise: smoke '));
        expect(line, run.stdout + run.stderr).toBeDefined();
        expect(JSON.parse(line!.slice('placewise: smoke '.length))).toEqual({
          pageHasNode: false,
          bridgeProxied: true,
          preloadSandboxed: true,
          preloadContextIsolated: true,
          saveRoundTrip: true,
          benchmarkRan: true,
        });
        expect(readFileSync(scenario, 'utf8')).toBe(`${original}# saved by the smoke test\n`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
