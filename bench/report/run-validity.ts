// Whether a server-mode run counts, after MLPerf LoadGen: the machine must have kept up with the
// offered rate and met the latency bound. An invalid run is kept in the results file (with the
// reason) but cannot stand for a model's latency: importing it is refused (apply-to-scenario.ts).
import type { BenchReport, MeasuredFigures } from './bench-report';

/** A run that completed less than this share of the offered rate did not keep up. */
export const ACHIEVED_RATE_SHARE = 0.99;

export interface RunVerdict {
  valid: boolean;
  invalid_reason?: string;
}

export function judgeServerRun(
  figures: Pick<MeasuredFigures, 'achieved_rate_qps' | 'latency_ms'>,
  rateQps: number,
  latencyBoundMs?: number,
): RunVerdict {
  const reasons: string[] = [];
  const achieved = figures.achieved_rate_qps ?? 0;
  if (achieved < ACHIEVED_RATE_SHARE * rateQps) {
    reasons.push(
      `achieved ${achieved} queries/s, below ${ACHIEVED_RATE_SHARE * 100}% of the offered ${rateQps} (the machine did not keep up)`,
    );
  }
  if (latencyBoundMs !== undefined && figures.latency_ms.p99 > latencyBoundMs) {
    reasons.push(`p99 latency ${figures.latency_ms.p99} ms exceeds the bound of ${latencyBoundMs} ms`);
  }
  return reasons.length === 0 ? { valid: true } : { valid: false, invalid_reason: reasons.join('; ') };
}

/** The first result of a report marked invalid, with its configuration in words; undefined when none is. */
export function firstInvalidRun(report: BenchReport): string | undefined {
  const result = report.results.find((entry) => entry.valid === false);
  return result && `threads ${result.threads}, batch ${result.batch}: ${result.invalid_reason ?? 'invalid'}`;
}
