// The comparison charts' data, computed from results alone so the app's Compare view and the
// HTML report draw the same figures. Rows are keyed by option id; series keys are the ids of
// links, components or cost kinds, as recharts' stacked and grouped bars want them.
import type { ScenarioResults } from '../results';
import { budgetLimits } from './budget-format';

export interface CdfPoint {
  latency_ms: number;
  /** Share of completed requests at or below `latency_ms`, 0 to 1. */
  share: number;
}

export interface LatencyCdfSeries {
  option: string;
  points: CdfPoint[];
}

/** One CDF per option from its latency quantiles (0, 0.01, ..., 1). */
export function latencyCdfSeries(results: ScenarioResults): LatencyCdfSeries[] {
  return results.options.map((option) => {
    const quantiles = option.latency_quantiles_ms ?? [];
    const last = quantiles.length - 1;
    return {
      option: option.id,
      points: quantiles.map((latency_ms, i) => ({ latency_ms, share: last > 0 ? i / last : 1 })),
    };
  });
}

export const LATENCY_PARTS = ['compute', 'queue', 'network'] as const;
export type LatencyBreakdownRow = { option: string } & Record<(typeof LATENCY_PARTS)[number], number>;

/** Where a request's mean time goes, per option. */
export function latencyBreakdownRows(results: ScenarioResults): LatencyBreakdownRow[] {
  return results.options.map((option) => ({ option: option.id, ...option.breakdown_ms }));
}

export const COST_KINDS = ['compute', 'network', 'updates', 'telemetry'] as const;
export type CostKind = (typeof COST_KINDS)[number];
export type MonthlyCostRow = { option: string; total: number } & Record<CostKind, number>;

/** Monthly cost by kind, per option. */
export function monthlyCostRows(results: ScenarioResults): MonthlyCostRow[] {
  return results.options.map((option) => ({ option: option.id, ...option.monthly_usd }));
}

/** Rows of one figure per series, with the series in first-seen order. */
export interface GroupedRows {
  series: string[];
  rows: ({ option: string } & Record<string, number | string>)[];
}

function grouped(
  results: ScenarioResults,
  figures: (option: ScenarioResults['options'][number]) => [string, number][],
) {
  const series: string[] = [];
  const rows = results.options.map((option) => {
    const row: { option: string } & Record<string, number | string> = { option: option.id };
    for (const [key, value] of figures(option)) {
      if (!series.includes(key)) series.push(key);
      row[key] = value;
    }
    return row;
  });
  return { series, rows };
}

/** Each link's utilisation (0 to 1, above 1 when saturated), per option. */
export function linkUtilizationRows(results: ScenarioResults): GroupedRows {
  return grouped(results, (option) => option.links.map((link) => [link.id, link.utilization]));
}

/** Hours each battery component lasts in active use, per option. */
export function batteryRows(results: ScenarioResults): GroupedRows {
  // Infinity (a device that never runs down) cannot be drawn; such bars are left out.
  return grouped(results, (option) =>
    Object.entries(option.battery_hours).filter(([, hours]) => Number.isFinite(hours)),
  );
}

export interface OfflineSuccessRow {
  option: string;
  /** Share of requests that started during an outage and still completed; null when none did start then. */
  success_rate: number | null;
  fallback_rate: number | null;
  requests: number;
}

export function offlineSuccessRows(results: ScenarioResults): OfflineSuccessRow[] {
  return results.options.map((option) => ({ option: option.id, ...option.offline }));
}

/**
 * The limit of a budget as the verdicts record it (`monthly_usd`, or the first of
 * `battery_hours.*`), so that charts can draw it without the scenario.
 */
export function budgetLimit(results: ScenarioResults, name: string): number | undefined {
  return budgetLimits(results).find(([candidate]) => candidate === name || candidate.startsWith(`${name}.`))?.[1];
}
