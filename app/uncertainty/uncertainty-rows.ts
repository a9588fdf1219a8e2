// What the uncertainty panel draws, read from a Monte Carlo report: per option the spread of
// p95 latency and monthly cost and the chance of passing each budget, bars with p5–p95 error
// bars, and one option's tornado. Pure, so it is tested without a browser.
import { formatPassShare } from '../../simulator/export/pass-share';
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
  /** As `pass` and `passAll` read: `9% (0%-42%)` where samples left the verdict undecided. */
  passText: Record<string, string>;
  passAllText: string;
}

export function spreadRows(report: MonteCarloReport): SpreadRow[] {
  return report.monte_carlo.options.map((option) => ({
    option: option.id,
    latency: option.metrics[LATENCY_METRIC],
    cost: option.metrics[COST_METRIC],
    pass: option.pass_probability,
    passAll: option.pass_all_probability,
    passText: Object.fromEntries(
      Object.entries(option.pass_probability).map(([name, share]) => [
        name,
        formatPassShare(share, option.pass_probability_range?.[name]),
      ]),
    ),
    passAllText: formatPassShare(option.pass_all_probability, option.pass_all_probability_range),
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

/**
 * One option's tornado for a metric. `label` names each uncertain value for a reader (the
 * inspector's words, `Link phone-cloud latency median`) instead of its path.
 */
export function tornadoOf(
  report: MonteCarloReport,
  option: string,
  metric: string,
  label: (parameter: string) => string = (parameter) => parameter,
): Tornado {
  const bars = report.sensitivity
    .filter((bar) => bar.option === option && bar.metric === metric)
    .sort((a, b) => a.rank - b.rank);
  return {
    metric,
    nominal: bars[0]?.nominal ?? null,
    rows: bars.map((bar) => ({
      parameter: label(bar.parameter),
      low: bar.low,
      high: bar.high,
      span: [Math.min(bar.low, bar.high), Math.max(bar.low, bar.high)],
      swing: bar.swing,
      parameterLow: bar.parameter_low,
      parameterHigh: bar.parameter_high,
    })),
  };
}

/**
 * An axis for figures between `low` and `high`: from zero when they spread over much of their
 * size, else just around them, so that a band of a few percent is still seen as a band.
 */
export function bandDomain(low: number, high: number): { domain: [number, number]; fromZero: boolean } {
  if (!Number.isFinite(low) || !Number.isFinite(high) || high <= 0) return { domain: [0, 1], fromZero: true };
  const span = high - low;
  if (low <= 0 || span >= high * 0.5) return { domain: [0, high * 1.05], fromZero: true };
  const pad = Math.max(span * 0.25, high * 0.01);
  return { domain: [Math.max(0, low - pad), high + pad], fromZero: false };
}

/** Where a spread chart's axis goes, and whether the budget's line fits on it without squashing the bands. */
export function spreadAxis(rows: readonly BandRow[], budget: number | undefined) {
  const low = Math.min(...rows.map((row) => row.p5));
  const high = Math.max(...rows.map((row) => row.p95));
  const span = Math.max(high - low, high * 0.05);
  const budgetShown = budget !== undefined && budget >= low - span && budget <= high + span;
  const axis = budgetShown ? bandDomain(Math.min(low, budget), Math.max(high, budget)) : bandDomain(low, high);
  return { ...axis, budgetShown };
}

/** The tornado's axis: around its bars and the nominal value, never forced to zero. */
export function tornadoDomain(tornado: Tornado): [number, number] {
  const values = [...tornado.rows.flatMap((row) => row.span), ...(tornado.nominal === null ? [] : [tornado.nominal])];
  if (values.length === 0) return [0, 1];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max((high - low) * 0.1, Math.abs(high) * 0.005, 1e-9);
  return [low - pad, high + pad];
}
