// The Compare view's bar charts. Each picks its figures from the results and the matching
// budget from the verdicts; the drawing is OptionBarsChart's.
import {
  batteryRows,
  budgetLimit,
  COST_KINDS,
  LATENCY_PARTS,
  latencyBreakdownRows,
  linkUtilizationRows,
  monthlyCostRows,
  offlineSuccessRows,
} from '../../simulator/export/chart-data';
import { formatHours, formatMs, formatShare, formatUsd } from '../../simulator/export/figures';
import type { ComparisonChartProps } from './chart-props';
import { OptionBarsChart } from './option-bars-chart';

function budgetLine(value: number | undefined, label: string) {
  return value === undefined ? undefined : { value, label };
}

export function LatencyBreakdownChart({ results, width, height }: ComparisonChartProps) {
  return (
    <OptionBarsChart
      title="Where the mean latency goes"
      rows={latencyBreakdownRows(results)}
      series={LATENCY_PARTS}
      stacked
      width={width}
      height={height}
      formatValue={formatMs}
    />
  );
}

export function MonthlyCostChart({ results, width, height }: ComparisonChartProps) {
  return (
    <OptionBarsChart
      title="Monthly cost (USD)"
      testId="cost-chart"
      rows={monthlyCostRows(results)}
      series={COST_KINDS}
      stacked
      width={width}
      height={height}
      formatValue={formatUsd}
      budget={budgetLine(budgetLimit(results, 'monthly_usd'), 'budget')}
    />
  );
}

export function LinkUtilizationChart({ results, width, height }: ComparisonChartProps) {
  const { series, rows } = linkUtilizationRows(results);
  return (
    <OptionBarsChart
      title="Link utilisation"
      rows={rows}
      series={series}
      stacked={false}
      width={width}
      height={height}
      formatValue={(value) => formatShare(value)}
      budget={budgetLine(budgetLimit(results, 'link_utilization'), 'budget')}
    />
  );
}

export function BatteryChart({ results, width, height }: ComparisonChartProps) {
  const { series, rows } = batteryRows(results);
  return (
    <OptionBarsChart
      title="Battery life in active use"
      rows={rows}
      series={series}
      stacked={false}
      width={width}
      height={height}
      formatValue={formatHours}
      budget={budgetLine(budgetLimit(results, 'battery_hours'), 'budget')}
    />
  );
}

export function OfflineSuccessChart({ results, width, height }: ComparisonChartProps) {
  // An option with no request during an outage has no rate: it draws no bar rather than 0 %.
  const rows = offlineSuccessRows(results).map((row) => ({
    option: row.option,
    ...(row.success_rate === null ? {} : { completed: row.success_rate }),
    ...(row.fallback_rate === null ? {} : { 'by fallback': row.fallback_rate }),
  }));
  return (
    <OptionBarsChart
      title="Requests during outages that still complete"
      rows={rows}
      series={['completed', 'by fallback']}
      stacked={false}
      width={width}
      height={height}
      formatValue={(value) => formatShare(value)}
      yDomain={[0, 1]}
      budget={budgetLine(budgetLimit(results, 'offline_success'), 'budget')}
    />
  );
}
