// `npm start`: the desktop app in Electron. Where the Electron binary is missing or cannot
// start, says so in one line and starts browser mode instead (opening a browser, except in CI).
// Says what it is doing while it builds, and stopping it (a signal to it or to the npm that
// started it) stops everything it started.
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
const BROWSER_MODE = 'opening the same app in your browser instead (browser mode, served on 127.0.0.1)';

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

/**
 * Builds the renderer into dist-app/ when it is missing or older than a source (also used by
 * scripts/e2e.mjs), saying so first: the build takes a while on a first start.
 */
export async function ensureRendererBuilt() {
  const builtIndex = join(root, 'dist-app', 'index.html');
  const sources = ['app', 'simulator', 'electron/api', 'vite.config.ts'];
  const built = existsSync(builtIndex);
  if (built && statSync(builtIndex).mtimeMs >= newestMtime(sources)) return;
  process.stderr.write(
    `placewise: building the app into dist-app/ (${built ? 'its sources changed' : 'first start'}; this takes a minute at most)...\n`,
  );
  const started = performance.now();
  const vite = await import('vite');
  await vite.build({ configFile: join(root, 'vite.config.ts'), logLevel: 'error' });
  process.stderr.write(`placewise: built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

/** The binary's path, or why there is none. */
function electronBinary() {
  try {
    // The electron package exports the binary's path and throws when it was never downloaded.
    return { path: createRequire(import.meta.url)('electron') };
  } catch {
    return {
      missing:
        "Electron's binary is not installed: `npm install` fetches it where it can be downloaded, `npm run fetch-electron` tries again",
    };
  }
}

/**
 * Resolves { started: true, child } when Electron keeps running past the grace period, else
 * { started: false, reason }. Electron's own output is held back until it has started, so a
 * failed start shows one line, not Electron's error log.
 */
function tryElectron(binary, stop) {
  return new Promise((resolveStart) => {
    const child = spawn(binary, [join(root, 'dist', 'electron', 'main.mjs'), ...scenarioArguments], {
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    stop.child = child;
    let stderr = '';
    let started = false;
    child.stderr.on('data', (chunk) => {
      if (started) process.stderr.write(chunk);
      else stderr += chunk;
    });
    const timer = setTimeout(() => {
      started = true;
      process.stderr.write(stderr);
      resolveStart({ started: true, child });
    }, STARTUP_GRACE_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolveStart({ started: false, reason: error.message });
    });
    child.on('exit', (code, signal) => {
      if (started) return;
      clearTimeout(timer);
      const lastLine = stderr.trim().split('\n').pop();
      resolveStart({
        started: false,
        reason: `Electron exited at start with ${signal ?? `code ${code}`}${lastLine ? `: ${lastLine}` : ''}`,
      });
    });
  });
}

function startBrowserMode(stop) {
  const open = process.env.CI ? [] : ['--open'];
  const child = spawn(process.execPath, [join(root, 'bin', 'placewise.cjs'), 'serve', ...open, ...scenarioArguments], {
    stdio: 'inherit',
  });
  stop.child = child;
  return child;
}

/**
 * Stopping `npm start` stops what it started. A signal to this process is passed on to the app
 * it runs. npm passes SIGINT and SIGTERM only to the shell that runs this script, and the shell
 * dies without passing them on: so the end of the parent process counts as a stop too.
 */
function stopOnSignals() {
  const stop = { child: null, stopping: false };
  const stopNow = (signal) => {
    stop.stopping = true;
    if (stop.child && stop.child.exitCode === null && stop.child.signalCode === null) stop.child.kill(signal);
    else process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopNow(signal));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stopNow('SIGTERM');
  }, 500).unref();
  return stop;
}

function exitWith(child) {
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : signal ? 143 : 0)));
}

async function start() {
  const stop = stopOnSignals();
  await ensureRendererBuilt();
  const binary = electronBinary();
  if (binary.missing) {
    process.stderr.write(`placewise: no desktop window (${binary.missing}); ${BROWSER_MODE}.\n`);
    exitWith(startBrowserMode(stop));
    return;
  }
  await bundleElectron();
  const outcome = await tryElectron(binary.path, stop);
  if (stop.stopping) process.exit(143);
  if (outcome.started) exitWith(outcome.child);
  else {
    process.stderr.write(`placewise: no desktop window (${outcome.reason}); ${BROWSER_MODE}.\n`);
    exitWith(startBrowserMode(stop));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (bundleOnly) await bundleElectron();
  else await start();
}
