// The launcher compiles the CLI bundle with V8's code cache (scripts/code-cache.cjs): a run with
// the cache gives what a run without it gives, and a cache belongs to one build of the bundle.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { DYNAMIC_IMPORT, loadCachedBundle, removeCodeCaches } from '../../../scripts/code-cache.cjs';
import { buildCliFirst, placewiseWith, root } from '../support/placewise-cli';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

test('a bundle runs the same from its code cache, its import() calls included, and a new build drops the cache', async () => {
  dir = mkdtempSync(join(tmpdir(), 'placewise-cache-'));
  const file = join(dir, 'cli.cjs');
  writeFileSync(
    file,
    `exports.twice = (n) => 2 * n; exports.path = () => ${DYNAMIC_IMPORT}('node:path').then((path) => path.sep);`,
  );
  const caches = () => readdirSync(dir!).filter((name) => name.endsWith('.v8cache'));
  const first = loadCachedBundle(file, 'run');
  expect(caches()).toEqual([]);
  first.save();
  expect(caches()).toHaveLength(1);
  const second = loadCachedBundle<{ twice(n: number): number; path(): Promise<string> }>(file, 'run');
  expect(second.exports.twice(21)).toBe(42);
  expect(await second.exports.path()).toBe(join('a', 'b')[1]);
  removeCodeCaches(dir);
  expect(caches()).toEqual([]);
});

buildCliFirst();
test('placewise run gives byte-identical JSON with and without its code cache', () => {
  const env = { SOURCE_DATE_EPOCH: '1700000000' };
  const args = ['run', join(root, 'scenarios', 'ar-translation.yaml'), '--json', '--requests', '2000'];
  removeCodeCaches(join(root, 'dist'));
  const cold = placewiseWith(env, ...args);
  expect(readdirSync(join(root, 'dist')).some((name) => /^cli-run-.*\.v8cache$/.test(name))).toBe(true);
  const cached = placewiseWith(env, ...args);
  expect(cold.code).toBe(0);
  expect(cached.stdout).toBe(cold.stdout);
  expect(cached.stderr).toBe(cold.stderr);
  expect(existsSync(join(root, 'dist', 'cli.cjs'))).toBe(true);
});
