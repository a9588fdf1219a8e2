// One headless Chromium for a batch of exports: starting it is most of an export's time, so
// the diagrams and charts of a report, and the formats of one `export` run, share it.
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { findChromium } from './find-chromium';

// Headless on a closed network: without the background-networking flags Chromium keeps
// trying to reach its update and sync services.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class BrowserSession {
  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
  ) {}

  static async launch(executablePath: string = findChromium()): Promise<BrowserSession> {
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      // deviceScaleFactor 2: PNGs sharp enough for slides and print.
      const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 1600, height: 1200 } });
      // Everything an export needs is loaded from disk; a request for anything else is a bug
      // and must fail rather than reach (or wait for) a network that is not there.
      await context.route('**/*', (route) => route.abort());
      return new BrowserSession(browser, context);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /** A blank page; errors thrown inside it are raised here rather than lost. */
  async newPage(): Promise<Page> {
    const page = await this.context.newPage();
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    return page;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
