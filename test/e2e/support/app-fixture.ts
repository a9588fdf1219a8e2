// Each test gets its own browser-mode server (in this process, on a free port) and its own
// data folder, and a fresh page; the Chromium is shared by a file's tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createBenchmarkJobs } from '../../../electron/host/benchmark-jobs';
import { CHROMIUM_ARGS } from '../../../electron/host/export/browser-session';
import { findChromium } from '../../../electron/host/export/find-chromium';
import { createPlacewiseHost, type HostOptions } from '../../../electron/host/host';
import { type BrowserModeServer, startBrowserModeServer } from '../../../electron/host/http-server';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const DEFAULT_SCENARIO = join(ROOT, 'scenarios', 'ar-translation.yaml');
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const ARTIFACTS = join(ROOT, 'test', 'artifacts');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
}

export interface AppUnderTest {
  page: Page;
  server: BrowserModeServer;
  dataDir: string;
  /** Errors the page threw or logged; a test ends by expecting none. */
  pageErrors: string[];
  close(): Promise<void>;
}

export interface AppSetup {
  scenario?: string;
  dataDir?: string;
  benchmarks?: HostOptions['benchmarks'];
}

export async function startApp(browser: Browser, setup: AppSetup = {}): Promise<AppUnderTest> {
  const dataDir = setup.dataDir ?? (await mkdtemp(join(tmpdir(), 'placewise-e2e-')));
  const host = createPlacewiseHost({
    transport: 'http',
    dataDir,
    startScenarioPath: setup.scenario ?? DEFAULT_SCENARIO,
    version: 'test',
    benchmarks: setup.benchmarks ?? createBenchmarkJobs(),
  });
  const server = await startBrowserModeServer({ host, appDir: join(ROOT, 'dist-app') });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  let closed = false;
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return {
    page,
    server,
    dataDir,
    pageErrors,
    close: async () => {
      if (closed) return;
      closed = true;
      await context.close();
      await server.close();
      // A save the closed page started may still be finishing in the host's data folder: rm
      // retries on ENOTEMPTY.
      if (!setup.dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 10 });
    },
  };
}
