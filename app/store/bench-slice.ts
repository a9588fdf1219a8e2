// The Benchmark view's state: the bundled models, and the benchmark job running or finished.
import type { BenchmarkJobStatus, BundledModelSummary } from '../../electron/api/contract';
import type { StoreSlice } from './slice';

export interface BenchJob {
  id: string;
  /** What was measured: bundled:NAME or a path. */
  model: string;
  status: BenchmarkJobStatus;
}

export interface BenchSlice {
  bundledModels: BundledModelSummary[] | null;
  benchJob: BenchJob | null;
  benchError: string | null;
  setBundledModels(models: BundledModelSummary[]): void;
  setBenchJob(job: BenchJob | null): void;
  setBenchError(message: string | null): void;
}

export const createBenchSlice: StoreSlice<BenchSlice> = (set) => ({
  bundledModels: null,
  benchJob: null,
  benchError: null,
  setBundledModels: (bundledModels) => set({ bundledModels }),
  setBenchJob: (benchJob) => set({ benchJob, benchError: null }),
  setBenchError: (benchError) => set({ benchError }),
});
