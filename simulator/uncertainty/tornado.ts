// Sensitivity analysis (a tornado chart): each uncertain parameter is set to its low and then
// its high value with every other at its nominal value, and the parameters are ranked, per
// option and metric, by how far that moves the metric (the swing).
import type { OptionOutcome } from './sample-metrics';

/** The metrics a tornado ranks parameters by: the issue asks what moves p95 latency and cost. */
export const TORNADO_METRICS = ['latency_ms.p95', 'monthly_usd.total'] as const;

export interface TornadoRun {
  /** The parameter's path, e.g. `links[1].mbps`. */
  parameter: string;
  parameterLow: number;
  parameterHigh: number;
  /** Outcomes with the parameter at its low (high) value, one per option. */
  low: readonly OptionOutcome[];
  high: readonly OptionOutcome[];
}

export interface TornadoBar {
  option: string;
  parameter: string;
  metric: string;
  /** The metric with the parameter at its low value. */
  low: number;
  /** The metric with the parameter at its high value. */
  high: number;
  /** |high - low|: the length of the bar. */
  swing: number;
  /** 1 for the parameter that moves this option's metric most. */
  rank: number;
  /** The metric with every parameter nominal. */
  nominal: number | null;
  parameter_low: number;
  parameter_high: number;
}

/** Bars grouped by option (in scenario order), then metric, each group largest swing first. */
export function rankTornado(
  nominal: readonly OptionOutcome[],
  runs: readonly TornadoRun[],
  metrics: readonly string[] = TORNADO_METRICS,
): TornadoBar[] {
  const bars: TornadoBar[] = [];
  nominal.forEach((option, optionIndex) => {
    for (const metric of metrics) {
      const group: TornadoBar[] = [];
      for (const run of runs) {
        const low = run.low[optionIndex]?.metrics[metric];
        const high = run.high[optionIndex]?.metrics[metric];
        if (low === null || low === undefined || high === null || high === undefined) continue;
        group.push({
          option: option.id,
          parameter: run.parameter,
          metric,
          low,
          high,
          swing: Math.abs(high - low),
          rank: 0,
          nominal: option.metrics[metric] ?? null,
          parameter_low: run.parameterLow,
          parameter_high: run.parameterHigh,
        });
      }
      // Ties keep the parameters' order in the file (sort is stable).
      group.sort((a, b) => b.swing - a.swing);
      group.forEach((bar, index) => {
        bar.rank = index + 1;
      });
      bars.push(...group);
    }
  });
  return bars;
}
