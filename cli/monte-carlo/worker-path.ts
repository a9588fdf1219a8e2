// dist/monte-carlo-worker.mjs, rebuilt first when a source is newer. Workers run the bundle even
// when the host runs from sources under a TypeScript loader (vitest, tsx), which a worker thread
// would not inherit.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The repository root: the nearest folder up from this module (cli/monte-carlo/ in sources,
// dist/ in the CLI bundle) that holds scripts/bundle-cli.mjs.
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'scripts', 'bundle-cli.mjs'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find scripts/bundle-cli.mjs above the Monte Carlo module');
    dir = parent;
  }
  return dir;
}

let workerPath: Promise<string> | undefined;

export function monteCarloWorkerPath(): Promise<string> {
  workerPath ??= (async () => {
    const root = repositoryRoot();
    // A computed specifier: bundlers leave it alone, and the build script stays plain JavaScript.
    const bundler = (await import(pathToFileURL(join(root, 'scripts', 'bundle-cli.mjs')).href)) as {
      ensureCliBundle(): Promise<string>;
    };
    await bundler.ensureCliBundle();
    return join(root, 'dist', 'monte-carlo-worker.mjs');
  })();
  return workerPath;
}
