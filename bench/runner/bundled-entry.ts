// Paths of the bundled entry points that run in other processes or threads (the bench child,
// the Monte Carlo worker, the host's worker). They run the bundle even when the host runs from sources under a
// TypeScript loader (vitest, tsx), which a child or worker would not inherit.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The repository root: the nearest folder up from this module (bench/runner/ in sources, dist/
// in the CLI bundle) that holds scripts/bundle-cli.mjs.
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'scripts', 'bundle-cli.mjs'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find scripts/bundle-cli.mjs above the placewise modules');
    dir = parent;
  }
  return dir;
}

let bundleReady: Promise<string> | undefined;

/** dist/NAME.mjs, the bundle rebuilt first when a source is newer (once per process). */
export async function bundledEntryPath(name: 'bench-child' | 'monte-carlo-worker' | 'host-worker'): Promise<string> {
  bundleReady ??= (async () => {
    const root = repositoryRoot();
    // A computed specifier: bundlers leave it alone, and the build script stays plain JavaScript.
    const bundler = (await import(pathToFileURL(join(root, 'scripts', 'bundle-cli.mjs')).href)) as {
      ensureCliBundle(): Promise<string>;
    };
    await bundler.ensureCliBundle();
    return root;
  })();
  return join(await bundleReady, 'dist', `${name}.mjs`);
}
