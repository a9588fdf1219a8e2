// The hooks every end-to-end file needs: one Chromium for the file, and each test's app
// (server, data folder, page) closed after it, whatever the test did.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type AppSetup, type AppUnderTest, launchChromium, startApp } from './app-fixture';
import { PlacewisePage } from './placewise-page';

export interface OpenedApp {
  app: AppUnderTest;
  ui: PlacewisePage;
}

export function browserSuite() {
  let browser: Browser;
  const running: AppUnderTest[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });
  afterEach(async () => {
    for (const app of running.splice(0)) await app.close();
  });

  /** Starts an app without loading its page. */
  async function start(setup: AppSetup = {}): Promise<OpenedApp> {
    const app = await startApp(browser, setup);
    running.push(app);
    return { app, ui: new PlacewisePage(app.page) };
  }

  /** Starts an app and waits for its scenario on the canvas. */
  async function open(setup: AppSetup = {}): Promise<OpenedApp> {
    const opened = await start(setup);
    await opened.ui.goto(opened.app.server.url);
    await opened.ui.waitForCanvas();
    return opened;
  }

  return { start, open };
}
