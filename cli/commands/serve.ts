// `placewise serve [--port N] [scenario]`: browser mode, the desktop app's host and renderer on
// 127.0.0.1 (DESIGN.md section 1). Stays up until interrupted.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { createBenchmarkJobs } from '../../electron/host/benchmark-jobs';
import { createPlacewiseHost } from '../../electron/host/host';
import { startBrowserModeServer } from '../../electron/host/http-server';
import { DEFAULT_SCENARIO, findPackageRoot } from '../../electron/host/package-root';
import { UsageError } from '../usage-error';

interface ServeFlags {
  port?: string;
  dataDir?: string;
  open?: boolean;
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port: '${text}' is not a port (0-65535)`);
  return port;
}

async function ensureAppBuilt(root: string): Promise<string> {
  const appDir = join(root, 'dist-app');
  if (existsSync(join(appDir, 'index.html'))) return appDir;
  process.stderr.write('placewise: building the app once (dist-app/ is missing)...\n');
  const vite = await import('vite');
  await vite.build({ configFile: join(root, 'vite.config.ts'), logLevel: 'error' });
  return appDir;
}

/**
 * Opens the app in the default browser, or says in one line to open the URL by hand: where no
 * display is, where the opener is missing, and where it fails (xdg-open exits non-zero when it
 * finds no browser). Windows' explorer exits 1 even when it opened the page, so only its
 * failure to start counts there.
 */
function openBrowser(url: string): void {
  const cannot = (why: string) =>
    process.stderr.write(`placewise: cannot open a browser here (${why}); open ${url} in yours\n`);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    cannot('no display');
    return;
  }
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', (error: NodeJS.ErrnoException) =>
    cannot(error.code === 'ENOENT' ? `${command} is not installed` : `${command}: ${error.message}`),
  );
  child.on('exit', (code) => {
    if (code && process.platform !== 'win32') cannot(`${command} exited with code ${code}`);
  });
  child.unref();
}

export function registerServe(program: Command, _setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('browser mode: the desktop app in a browser, served on 127.0.0.1')
    .argument('[scenario]', 'the scenario to open (default: scenarios/ar-translation.yaml)')
    .option('--port <n>', 'port to listen on (default: a free one)')
    .option('--data-dir <dir>', 'where the recovery copy and recent files live (default: ~/.placewise)')
    .option('--open', 'open the app in the default browser')
    .action(async (scenario: string | undefined, flags: ServeFlags) => {
      const port = parsePort(flags.port);
      const { root, version } = findPackageRoot(import.meta.url);
      const startScenarioPath = scenario === undefined ? join(root, DEFAULT_SCENARIO) : resolve(scenario);
      if (scenario !== undefined && !existsSync(startScenarioPath)) throw new UsageError(`${scenario}: no such file`);
      const dataDir = resolve(flags.dataDir ?? process.env.PLACEWISE_DATA_DIR ?? join(homedir(), '.placewise'));
      const appDir = await ensureAppBuilt(root);
      const host = createPlacewiseHost({
        transport: 'http',
        dataDir,
        startScenarioPath,
        version,
        benchmarks: createBenchmarkJobs(),
      });
      let server: Awaited<ReturnType<typeof startBrowserModeServer>>;
      try {
        server = await startBrowserModeServer({ host, appDir, port });
      } catch (error) {
        throw new UsageError(
          `cannot listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      process.stdout.write(`Placewise is running at ${server.url}\n`);
      if (flags.open) openBrowser(server.url);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
