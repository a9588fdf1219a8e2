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
