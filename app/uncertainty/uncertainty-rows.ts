// What the uncertainty panel draws, read from a Monte Carlo report: per option the spread of
// p95 latency and monthly cost and the chance of passing each budget, bars with p5–p95 error
// bars, and one option's tornado. Pure, so it is tested without a browser.
import type { MonteCarloReport, Spread } from '../../simulator/uncertainty/index';

export const LATENCY_METRIC = 'latency_ms.p95';
export const COST_METRIC = 'monthly_usd.total';

export interface SpreadRow {
  option: string;
  latency: Spread | undefined;
  cost: Spread | undefined;
  /** Budget name to the share of samples that pass it, in the order of `budgetNames`. */
  pass: Record<string, number>;
  passAll: number;
}

export function spreadRows(report: MonteCarloReport): SpreadRow[] {
  return report.monte_carlo.options.map((option) => ({
    option: option.id,
    latency: option.metrics[LATENCY_METRIC],
    cost: option.metrics[COST_METRIC],
    pass: option.pass_probability,
    passAll: option.pass_all_probability,
  }));
}

/** Every budget any option was judged against, in first-seen order. */
export function budgetNames(report: MonteCarloReport): string[] {
  return [...new Set(report.monte_carlo.options.flatMap((option) => Object.keys(option.pass_probability)))];
}

export interface BandRow {
  option: string;
  p50: number;
  p5: number;
  p95: number;
  /** Distances below and above the median, as recharts' ErrorBar takes an asymmetric error. */
  error: [number, number];
}

/** A bar at the median per option with its p5–p95 band; options without the metric are left out. */
export function bandRows(report: MonteCarloReport, metric: string): BandRow[] {
  return report.monte_carlo.options.flatMap((option) => {
    const spread = option.metrics[metric];
    if (!spread || !Number.isFinite(spread.p50)) return [];
    return [
      {
        option: option.id,
        p50: spread.p50,
        p5: spread.p5,
        p95: spread.p95,
        error: [Math.max(0, spread.p50 - spread.p5), Math.max(0, spread.p95 - spread.p50)],
      },
    ];
  });
}

export interface TornadoRow {
  parameter: string;
  /** The metric at the parameter's p5 and p95 (not necessarily in increasing order). */
  low: number;
  high: number;
  /** [smaller, larger] of low and high: the bar spans the swing around the nominal value. */
  span: [number, number];
  swing: number;
  parameterLow: number;
  parameterHigh: number;
}

export interface Tornado {
  metric: string;
  /** The metric with every parameter at its nominal value: where the bars are centred. */
  nominal: number | null;
  /** Largest swing first. */
  rows: TornadoRow[];
}

export function tornadoOf(report: MonteCarloReport, option: string, metric: string): Tornado {
  const bars = report.sensitivity
    .filter((bar) => bar.option === option && bar.metric === metric)
    .sort((a, b) => a.rank - b.rank);
  return {
    metric,
    nominal: bars[0]?.nominal ?? null,
    rows: bars.map((bar) => ({
      parameter: bar.parameter,
      low: bar.low,
      high: bar.high,
      span: [Math.min(bar.low, bar.high), Math.max(bar.low, bar.high)],
      swing: bar.swing,
      parameterLow: bar.parameter_low,
      parameterHigh: bar.parameter_high,
    })),
  };
}
