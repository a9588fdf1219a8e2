// Paths of the bundled entry points that run in other processes or threads (the bench child,
// the Monte Carlo worker, the host's worker) or in another device's browser (the on-device page). They run the bundle even when the host runs from sources under a
// TypeScript loader (vitest, tsx), which a child or worker would not inherit.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The nearest folder up from this module (bench/runner/ in sources, dist/ in the CLI bundle,
 * dist/electron/ in the desktop app's) that holds `relative`, or null.
 */
function folderAbove(relative: string): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, relative))) {
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
  return dir;
}

let bundleReady: Promise<string> | undefined;

/**
 * dist/NAME.mjs, the bundle rebuilt first when a source is newer (once per process). The
 * device page is not run here: it is the script the on-device benchmark page serves.
 */
export async function bundledEntryPath(
  name: 'bench-child' | 'monte-carlo-worker' | 'host-worker' | 'device-page',
): Promise<string> {
  bundleReady ??= (async () => {
    const root = folderAbove(join('scripts', 'bundle-cli.mjs'));
    // A packaged desktop app has no build script: its entries were built with it, in its dist/.
    if (root === null) {
      const packaged = folderAbove(join('dist', 'bench-child.mjs'));
      if (packaged === null) throw new Error('cannot find the placewise bundle (dist/) above its modules');
      return packaged;
    }
    // A computed specifier: bundlers leave it alone, and the build script stays plain JavaScript.
    const bundler = (await import(pathToFileURL(join(root, 'scripts', 'bundle-cli.mjs')).href)) as {
      ensureCliBundle(): Promise<string>;
    };
    await bundler.ensureCliBundle();
    return root;
  })();
  return join(await bundleReady, 'dist', `${name}.mjs`);
}
