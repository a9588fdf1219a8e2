// The launcher's rule for rebuilding dist/ (bin/placewise.cjs): one stat per file the bundle was
// built from, by the stamp the build wrote, and nothing at all in a copy without sources.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { bundleIsStale } from '../../../scripts/bundle-cli.mjs';
import { buildCliFirst, root } from '../support/placewise-cli';

let dir: string;
const write = (path: string, text = '') => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const stamp = (builtAt: number, sources: string[]) =>
  write('dist/cli-sources.json', JSON.stringify({ builtAt, sources }));
const touch = (path: string, when: number) => utimesSync(join(dir, path), when / 1000, when / 1000);

describe('a checkout', () => {
  const built = Date.now() - 60_000;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'placewise-bundle-'));
    write('cli/main.ts');
    write('simulator/index.ts');
    write('dist/cli.cjs');
    touch('cli/main.ts', built - 10_000);
    touch('simulator/index.ts', built - 10_000);
    stamp(built, ['cli/main.ts', 'simulator/index.ts']);
    return () => rmSync(dir, { recursive: true, force: true });
  });

  test('runs the bundle while no source it was built from changed since the build', () => {
    expect(bundleIsStale(dir)).toBe(false);
    // A file the bundle does not import changes nothing.
    write('simulator/unused.ts');
    expect(bundleIsStale(dir)).toBe(false);
  });

  test('rebuilds when a bundled source changed or went away', () => {
    touch('simulator/index.ts', built + 1);
    expect(bundleIsStale(dir)).toBe(true);
    touch('simulator/index.ts', built - 10_000);
    rmSync(join(dir, 'simulator/index.ts'));
    expect(bundleIsStale(dir)).toBe(true);
  });

  test('rebuilds without a readable stamp or without the bundle', () => {
    write('dist/cli-sources.json', '{"builtAt":');
    expect(bundleIsStale(dir)).toBe(true);
    stamp(built, ['cli/main.ts']);
    rmSync(join(dir, 'dist/cli.cjs'));
    expect(bundleIsStale(dir)).toBe(true);
  });
});

test('a copy without sources (a release) runs its bundle as it is', () => {
  dir = mkdtempSync(join(tmpdir(), 'placewise-bundle-'));
  write('dist/cli.cjs');
  expect(bundleIsStale(dir)).toBe(false);
  rmSync(dir, { recursive: true, force: true });
});

describe("the repository's own build", () => {
  buildCliFirst();
  test("stamps every project source the CLI imports, the launcher's entry included, and no package", () => {
    const { sources } = JSON.parse(readFileSync(join(root, 'dist', 'cli-sources.json'), 'utf8')) as {
      sources: string[];
    };
    expect(sources).toEqual(expect.arrayContaining(['cli/main.ts', 'cli/commands/run.ts', 'simulator/index.ts']));
    expect(sources.filter((source) => source.includes('node_modules'))).toEqual([]);
    expect(bundleIsStale()).toBe(false);
  });
});
