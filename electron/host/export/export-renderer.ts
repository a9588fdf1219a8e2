// The browser-backed renderers an export needs, started on first use and shared after: a
// `placewise export` run or the app's host keeps one for all its exports.
import { BrowserSession } from './browser-session';
import { chartBundle } from './chart-page/chart-bundle';
import { ChartRenderer } from './chart-renderer';
import { DiagramRenderer } from './diagram-renderer';
import { ChromiumNotFoundError, findChromium } from './find-chromium';

export class ExportRenderer {
  private session?: Promise<BrowserSession>;
  private diagramRenderer?: Promise<DiagramRenderer>;
  private chartRenderer?: Promise<ChartRenderer>;

  /** `executablePath` overrides the browser lookup (tests, a user setting). */
  constructor(private readonly executablePath?: string) {}

  diagrams(): Promise<DiagramRenderer> {
    this.diagramRenderer ??= this.retryable(this.browser().then(DiagramRenderer.open), () => {
      this.diagramRenderer = undefined;
    });
    return this.diagramRenderer;
  }

  charts(): Promise<ChartRenderer> {
    // The chart script builds while the browser starts.
    const script = chartBundle();
    script.catch(() => undefined); // observed here; ChartRenderer.open reports the failure
    this.chartRenderer ??= this.retryable(
      this.browser().then((session) => ChartRenderer.open(session, script)),
      () => {
        this.chartRenderer = undefined;
      },
    );
    return this.chartRenderer;
  }

  async close(): Promise<void> {
    const session = this.session;
    this.session = this.diagramRenderer = this.chartRenderer = undefined;
    if (session) await (await session.catch(() => undefined))?.close();
  }

  private browser(): Promise<BrowserSession> {
    this.session ??= this.retryable(this.launch(), () => {
      this.session = undefined;
    });
    return this.session;
  }

  // A failure is not remembered: in the long-lived app host, the user may install a browser
  // or set PLACEWISE_CHROMIUM and try again.
  private retryable<T>(pending: Promise<T>, forget: () => void): Promise<T> {
    pending.catch(forget);
    return pending;
  }

  private async launch(): Promise<BrowserSession> {
    const executable = this.executablePath ?? findChromium();
    try {
      return await BrowserSession.launch(executable);
    } catch (error) {
      // A browser that is there but will not start is, to the user, no browser: same advice.
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new ChromiumNotFoundError(
        `could not start the browser at ${executable} (${reason}): set PLACEWISE_CHROMIUM to a working Chromium or Chrome executable`,
      );
    }
  }
}
