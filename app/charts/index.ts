// The comparison charts: pure components of results and size, used live by the Compare view
// and rendered to static SVG for the HTML report.
export type { ComparisonChartProps } from './chart-props';
export {
  BatteryChart,
  LatencyBreakdownChart,
  LinkUtilizationChart,
  MonthlyCostChart,
  OfflineSuccessChart,
} from './comparison-charts';
export { LatencyCdfChart } from './latency-cdf-chart';
