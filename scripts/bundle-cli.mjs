// Builds dist/cli.mjs from cli/main.ts with esbuild when it is missing or older than a source file.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundlePath = join(root, 'dist', 'cli.mjs');
const sourceDirs = ['cli', 'simulator', 'bench', 'electron'];

function newestSourceMtime() {
  let newest = 0;
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of sourceDirs) walk(join(root, dir));
  return newest;
}

// The bench runner's child process and the Monte Carlo worker thread are entries of their own so
// that they start without loading the whole CLI.
function entryPoints() {
  const entries = { cli: join(root, 'cli', 'main.ts') };
  const benchChild = join(root, 'bench', 'runner', 'child.ts');
  if (existsSync(benchChild)) entries['bench-child'] = benchChild;
  const monteCarloWorker = join(root, 'cli', 'monte-carlo', 'evaluation-worker.ts');
  if (existsSync(monteCarloWorker)) entries['monte-carlo-worker'] = monteCarloWorker;
  return entries;
}

export async function buildCliBundle() {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: entryPoints(),
    outdir: join(root, 'dist'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Commands import heavy modules (onnxruntime, playwright) lazily; splitting keeps them out of start-up.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __placewiseRequire } from 'node:module'; const require = __placewiseRequire(import.meta.url);",
    },
  });
}

export async function ensureCliBundle() {
  const fresh = existsSync(bundlePath) && statSync(bundlePath).mtimeMs >= newestSourceMtime();
  if (!fresh) await buildCliBundle();
  return pathToFileURL(bundlePath).href;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCliBundle();
