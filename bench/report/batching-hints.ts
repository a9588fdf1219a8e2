// Offline mode sweeps --batch to find the batch that pays. Batching is not free on a CPU: a
// larger batch can run slower per sample (cache misses, padding, kernels tuned for batch 1), and
// the lanes already use every core. Where a batch above 1 served fewer samples per second than
// batch 1 at the same threads, the user should hear that batching does not pay here.
import type { BenchReport } from './bench-report';

/** One line per offline result whose batch above 1 was slower than batch 1 at the same threads. */
export function slowerBatchHints(report: BenchReport): string[] {
  if (report.mode !== 'offline') return [];
  return report.results.flatMap((result) => {
    const single = report.results.find((other) => other.threads === result.threads && other.batch === 1);
    if (result.batch <= 1 || !single || (result.samples_per_s ?? 0) >= (single.samples_per_s ?? 0)) return [];
    return [
      `threads ${result.threads}, batch ${result.batch}: ${result.samples_per_s} samples/s, fewer than batch 1's ${single.samples_per_s}: batching does not pay for this model here`,
    ];
  });
}
