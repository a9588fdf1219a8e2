// Draws the comparison charts to static markup in the export browser, for the HTML report.
import type { Page } from 'playwright-core';
import type { ScenarioResults } from '../../../simulator/results';
import type { BrowserSession } from './browser-session';
import { chartBundle } from './chart-page/chart-bundle';
import type { ChartMarkup } from './chart-page/report-charts';

export class ChartRenderer {
  private constructor(private readonly page: Page) {}

  static async open(session: BrowserSession, script: Promise<string> = chartBundle()): Promise<ChartRenderer> {
    const page = await session.newPage();
    await page.addScriptTag({ content: await script });
    return new ChartRenderer(page);
  }

  async render(results: ScenarioResults, width: number, height: number): Promise<ChartMarkup> {
    return this.page.evaluate(
      ({ results, width, height }) =>
        (
          window as unknown as {
            placewiseRenderCharts: (r: ScenarioResults, w: number, h: number) => Promise<ChartMarkup>;
          }
        ).placewiseRenderCharts(results, width, height),
      { results, width, height },
    );
  }
}
