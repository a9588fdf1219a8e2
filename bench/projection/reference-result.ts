// Which configuration of a results file stands for "the machine": batch 1 (one request at a
// time, as the simulator's model steps are) with the most threads (one inference using the
// whole device, as `gflops` means in a hardware profile). Ties go to the lower median.
import { BenchReportError } from '../errors';
import type { BenchReport, BenchResult } from '../report/bench-report';

export function referenceResult(report: BenchReport, file = 'results'): BenchResult {
  if (report.results.length === 0) throw new BenchReportError(file, 'the results file has no results');
  const smallestBatch = Math.min(...report.results.map((result) => result.batch));
  const candidates = report.results.filter((result) => result.batch === smallestBatch);
  return candidates.reduce((best, result) =>
    result.threads > best.threads || (result.threads === best.threads && result.latency_ms.p50 < best.latency_ms.p50)
      ? result
      : best,
  );
}

/**
 * onnxruntime's per-call overhead within a result's median, where it says something: measured
 * (files from before it was are not) and below the median (a noisy run can invert a tiny model's).
 */
export function overheadWithin(result: BenchResult): number | undefined {
  const overhead = result.overhead_ms;
  return overhead !== undefined && overhead < result.latency_ms.p50 ? overhead : undefined;
}
