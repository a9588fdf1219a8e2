// `npm start`: the desktop app in Electron. Where the Electron binary is missing or cannot
// start, says so in one line and starts browser mode instead (opening a browser, except in CI).
// `node scripts/start.mjs --bundle-only` only bundles the main process and preload (for tests).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundleOnly = process.argv[2] === '--bundle-only';
const scenarioArguments = process.argv.slice(2);
const STARTUP_GRACE_MS = 5000;

async function bundleElectron() {
  const esbuild = await import('esbuild');
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'error',
  };
  await esbuild.build({
    ...common,
    entryPoints: [join(root, 'electron', 'main.ts')],
    outfile: join(root, 'dist', 'electron', 'main.mjs'),
    format: 'esm',
  });
  // A sandboxed preload is CommonJS and may require only 'electron'.
  await esbuild.build({
    ...common,
    packages: undefined,
    external: ['electron'],
    entryPoints: [join(root, 'electron', 'preload.ts')],
    outfile: join(root, 'dist', 'electron', 'preload.cjs'),
    format: 'cjs',
  });
}

function newestMtime(paths) {
  let newest = 0;
  const walk = (path) => {
    if (!existsSync(path)) return;
    const info = statSync(path);
    if (info.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
    else newest = Math.max(newest, info.mtimeMs);
  };
  for (const path of paths) walk(join(root, path));
  return newest;
}

/** Builds the renderer into dist-app/ when it is missing or older than a source (also used by scripts/e2e.mjs). */
export async function ensureRendererBuilt() {
  const builtIndex = join(root, 'dist-app', 'index.html');
  const sources = ['app', 'simulator', 'electron/api', 'vite.config.ts'];
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestMtime(sources)) return;
  const vite = await import('vite');
  await vite.build({ configFile: join(root, 'vite.config.ts'), logLevel: 'error' });
}

function electronBinary() {
  try {
    // The electron package exports the binary's path and throws when it was never downloaded.
    return createRequire(import.meta.url)('electron');
  } catch (error) {
    return { missing: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

/** Resolves true when Electron keeps running past the grace period, false when it fails to start. */
function tryElectron(binary) {
  return new Promise((resolveStart) => {
    const child = spawn(binary, [join(root, 'dist', 'electron', 'main.mjs'), ...scenarioArguments], {
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    const timer = setTimeout(() => resolveStart({ started: true, child }), STARTUP_GRACE_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolveStart({ started: false, reason: error.message });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolveStart({
        started: false,
        reason: `exited with ${signal ?? `code ${code}`}${stderr ? `: ${stderr.trim().split('\n').pop()}` : ''}`,
      });
    });
  });
}

function startBrowserMode() {
  const open = process.env.CI ? [] : ['--open'];
  const child = spawn(process.execPath, [join(root, 'bin', 'placewise.mjs'), 'serve', ...open, ...scenarioArguments], {
    stdio: 'inherit',
  });
  forwardStopSignals(child);
  child.on('exit', (code) => process.exit(code ?? 0));
}

// Stopping `npm start` stops what it started.
function forwardStopSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

async function start() {
  await ensureRendererBuilt();
  const binary = electronBinary();
  if (typeof binary !== 'string') {
    process.stderr.write(
      `placewise: Electron is not available here (${binary.missing}); starting browser mode instead.\n`,
    );
    startBrowserMode();
    return;
  }
  await bundleElectron();
  const outcome = await tryElectron(binary);
  if (!outcome.started) {
    process.stderr.write(`placewise: Electron could not start (${outcome.reason}); starting browser mode instead.\n`);
    startBrowserMode();
  } else {
    forwardStopSignals(outcome.child);
    outcome.child.on('exit', (code) => process.exit(code ?? 0));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (bundleOnly) await bundleElectron();
  else await start();
}
