import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
