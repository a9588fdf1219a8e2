// The benchmark part of the host: jobs that run in the background and are polled for progress,
// the same way over IPC and HTTP.
import {
  ApiError,
  type ApplyBenchmarkRequest,
  type ApplyBenchmarkResult,
  type BenchmarkJobStatus,
  type BenchmarkRequest,
  type BundledModelSummary,
  type DeviceBenchmarkRequest,
  type SplitJobRequest,
} from '../api/contract';

export interface BenchmarkService {
  listBundledModels(): Promise<BundledModelSummary[]>;
  start(request: BenchmarkRequest): Promise<{ jobId: string }>;
  startSplit(request: SplitJobRequest): Promise<{ jobId: string }>;
  startOnDevice(request: DeviceBenchmarkRequest): Promise<{ jobId: string }>;
  status(jobId: string): Promise<BenchmarkJobStatus>;
  cancel(jobId: string): Promise<void>;
  /** `signal`: the caller went away, and the reading stops. */
  importReport(path: string, signal?: AbortSignal): Promise<{ jobId: string }>;
  apply(request: ApplyBenchmarkRequest, signal?: AbortSignal): Promise<ApplyBenchmarkResult>;
}

const unavailable = async (): Promise<never> => {
  throw new ApiError('benchmarking is not available in this build');
};

export const unavailableBenchmarks: BenchmarkService = {
  listBundledModels: async () => [],
  start: unavailable,
  startSplit: unavailable,
  startOnDevice: unavailable,
  status: unavailable,
  cancel: unavailable,
  importReport: unavailable,
  apply: unavailable,
};
