// Runs inside the export browser page (bundled by chart-bundle.ts): draws the comparison
// charts with the app's own components and hands back their static markup. recharts 3 draws
// only after mounting (server-side rendering gives an empty wrapper), hence a real DOM.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import {
  BatteryChart,
  type ComparisonChartProps,
  LatencyBreakdownChart,
  LatencyCdfChart,
  LinkUtilizationChart,
  MonthlyCostChart,
  OfflineSuccessChart,
} from '../../../../app/charts';
import type { ScenarioResults } from '../../../../simulator/results';
import type { ChartMarkup, ReportChartName } from './report-charts';

const CHARTS: Record<ReportChartName, (props: ComparisonChartProps) => React.ReactNode> = {
  latencyCdf: LatencyCdfChart,
  latencyBreakdown: LatencyBreakdownChart,
  monthlyCost: MonthlyCostChart,
  linkUtilization: LinkUtilizationChart,
  battery: BatteryChart,
  offlineSuccess: OfflineSuccessChart,
};

async function renderCharts(results: ScenarioResults, width: number, height: number): Promise<ChartMarkup> {
  const markup: Partial<ChartMarkup> = {};
  for (const [name, Chart] of Object.entries(CHARTS) as [ReportChartName, (typeof CHARTS)[ReportChartName]][]) {
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    flushSync(() => root.render(<Chart results={results} width={width} height={height} />));
    // recharts settles its layout in effects after the first commit; two frames let them run.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    markup[name] = container.innerHTML;
    root.unmount();
    container.remove();
  }
  return markup as ChartMarkup;
}

(window as unknown as { placewiseRenderCharts: typeof renderCharts }).placewiseRenderCharts = renderCharts;
