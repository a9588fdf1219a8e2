// The Benchmark view's state: the bundled models, the benchmark job running or finished, and
// what became of using its measurement in the scenario.
import type { BenchmarkJobStatus, BundledModelSummary } from '../../electron/api/contract';
import type { StoreSlice } from './slice';

export interface BenchJob {
  id: string;
  /** What was measured: bundled:NAME or a path. */
  model: string;
  status: BenchmarkJobStatus;
}

/** "Use in scenario": applied (with reasons to doubt the measurement, if any) or refused. */
export type BenchApplyOutcome =
  { kind: 'applied'; modelId: string; warnings: string[] } | { kind: 'refused'; modelId: string; message: string };

export interface BenchSlice {
  bundledModels: BundledModelSummary[] | null;
  benchJob: BenchJob | null;
  benchError: string | null;
  benchApplyOutcome: BenchApplyOutcome | null;
  setBundledModels(models: BundledModelSummary[]): void;
  setBenchJob(job: BenchJob | null): void;
  setBenchError(message: string | null): void;
  setBenchApplyOutcome(outcome: BenchApplyOutcome | null): void;
}

export const createBenchSlice: StoreSlice<BenchSlice> = (set, get) => ({
  bundledModels: null,
  benchJob: null,
  benchError: null,
  benchApplyOutcome: null,
  setBundledModels: (bundledModels) => set({ bundledModels }),
  // A new job's measurement has not been used yet; polls of the same job keep the outcome.
  setBenchJob: (benchJob) =>
    set({
      benchJob,
      benchError: null,
      ...(benchJob?.id === get().benchJob?.id ? {} : { benchApplyOutcome: null }),
    }),
  setBenchError: (benchError) => set({ benchError }),
  setBenchApplyOutcome: (benchApplyOutcome) => set({ benchApplyOutcome }),
});
