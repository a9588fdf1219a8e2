import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

test('main and preload bundle; the sandboxed preload requires nothing but electron', () => {
  execFileSync(process.execPath, [join(root, 'scripts', 'start.mjs'), '--bundle-only'], { cwd: root });
  const preload = readFileSync(join(root, 'dist', 'electron', 'preload.cjs'), 'utf8');
  expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1])).toEqual(['electron']);
  const main = readFileSync(join(root, 'dist', 'electron', 'main.mjs'), 'utf8');
  expect(main).toContain('registerSchemesAsPrivileged');
});

// The packaged app holds dist/ and package.json beside its node_modules, and no build script: its
// worker and benchmark-child entries must be found in its own dist/ (here through the CLI bundle,
// which shares that code with the desktop app's main bundle).
test('a packaged layout without the build script finds its bundled benchmark child', async () => {
  const { ensureCliBundle } = (await import(join(root, 'scripts', 'bundle-cli.mjs'))) as {
    ensureCliBundle(): Promise<string>;
  };
  await ensureCliBundle();
  const app = mkdtempSync(join(tmpdir(), 'placewise-packaged-'));
  try {
    cpSync(join(root, 'dist'), join(app, 'dist'), { recursive: true });
    cpSync(join(root, 'package.json'), join(app, 'package.json'));
    symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'), 'dir');
    const script = `const { main } = (await import('node:module')).createRequire(import.meta.url)(${JSON.stringify(join(app, 'dist', 'cli.cjs'))});
process.exitCode = await main(['bench', 'bundled:paddleocr-cls', '--iterations', '3', '--warmup', '1', '--threads', '1', '--no-calibrate', '--json']);`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(JSON.parse(output).results[0].latency_ms.p50).toBeGreaterThan(0);
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
});
