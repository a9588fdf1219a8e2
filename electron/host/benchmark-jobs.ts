// Benchmarks on the host as jobs: each runs on the host's benchmark worker thread and bench's
// child processes (so the host never blocks), one at a time, reports its progress for polling,
// and can be cancelled. Finished reports stay available to apply to a scenario.
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import type { AppliedMeasurement, ApplyOptions, BenchProgress, BenchReport, SplitAnalysis } from '../../bench/index';
import type { LinkTechnology } from '../../simulator/scenario/link-technologies';
import {
  ApiError,
  type BenchmarkJobStatus,
  type BenchmarkRequest,
  type BundledModelSummary,
  HostBusyError,
  type SplitJobRequest,
} from '../api/contract';
import type { BenchmarkService } from './benchmark-service';
import { type HostWork, sharedHostWork } from './work/host-work';

interface RunHooks {
  signal: AbortSignal;
  onStart(): void;
  onProgress(progress: BenchProgress): void;
}

/** Where bench's work runs: the host's worker threads, or a fake in tests. */
export interface BenchRunner {
  listBundledModels(): Promise<BundledModelSummary[]>;
  /** Throws a HostBusyError at once when too many benchmarks wait already; `onStart` when it leaves the queue. */
  run(request: BenchmarkRequest, hooks: RunHooks): Promise<BenchReport>;
  /** A split, queued and run like a benchmark. */
  split(request: SplitJobRequest, hooks: RunHooks): Promise<{ report: BenchReport; split: SplitAnalysis }>;
  readReport(path: string, signal?: AbortSignal): Promise<BenchReport>;
  apply(
    scenarioText: string,
    report: BenchReport,
    modelId: string,
    options: ApplyOptions,
    signal?: AbortSignal,
  ): Promise<AppliedMeasurement>;
}

export function workerBenchRunner(work: HostWork = sharedHostWork()): BenchRunner {
  let bundled: Promise<BundledModelSummary[]> | undefined;
  return {
    listBundledModels() {
      // The same every time: listed (20 MB of models read) once per host.
      bundled ??= work.simulations.run((worker) => worker.call('listBundledModels', null));
      bundled.catch(() => {
        bundled = undefined;
      });
      return bundled;
    },
    run: (request, { signal, onStart, onProgress }) =>
      work.benchmarks.run((worker) => {
        onStart();
        return worker.call('benchmark', request, { onProgress, cooperative: true });
      }, signal),
    split: (request, { signal, onStart, onProgress }) =>
      work.benchmarks.run((worker) => {
        onStart();
        // The argument schema has checked the link's name (electron/api/arguments.ts).
        return worker.call(
          'split',
          { ...request, link: request.link as LinkTechnology },
          { onProgress, cooperative: true },
        );
      }, signal),
    readReport: (path, signal) => work.simulations.run((worker) => worker.call('readBenchReport', { path }), signal),
    apply: (scenarioText, report, modelId, options, signal) =>
      work.simulations.run(
        (worker) => worker.call('applyBenchmark', { scenarioText, report, modelId, options }),
        signal,
      ),
  };
}

const KEPT_JOBS = 20;

interface Job {
  status: BenchmarkJobStatus;
  controller: AbortController | null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createBenchmarkJobs(runner: BenchRunner = workerBenchRunner()): BenchmarkService {
  const jobs = new Map<string, Job>();

  const add = (job: Job): string => {
    const id = randomUUID();
    jobs.set(id, job);
    for (const old of jobs.keys()) {
      if (jobs.size <= KEPT_JOBS) break;
      if (jobs.get(old)?.status.state !== 'running') jobs.delete(old);
    }
    return id;
  };

  const job = (jobId: string): Job => {
    const found = jobs.get(jobId);
    if (!found) throw new ApiError(`no benchmark job '${jobId}'`);
    return found;
  };

  const report = (jobId: string): BenchReport => {
    const { status } = job(jobId);
    if (status.state !== 'done') throw new ApiError(`benchmark job '${jobId}' has no results (${status.state})`);
    return status.report;
  };

  /** Queues the work as a job that is polled for progress and may be cancelled. */
  const startJob = (
    run: (hooks: RunHooks) => Promise<{ report: BenchReport; split?: SplitAnalysis }>,
  ): { jobId: string } => {
    const controller = new AbortController();
    const entry: Job = {
      status: { state: 'running', progress: 0, message: 'waiting for the benchmark before it to finish' },
      controller,
    };
    const running = run({
      signal: controller.signal,
      onStart: () => {
        entry.status = { state: 'running', progress: 0, message: 'starting' };
      },
      onProgress: (progress) => {
        entry.status = { state: 'running', progress: progress.fraction, message: progressMessage(progress) };
      },
    });
    const jobId = add(entry);
    running
      .then(
        (result) => {
          entry.status = { state: 'done', ...result };
        },
        (error: unknown) => {
          entry.status = controller.signal.aborted
            ? { state: 'cancelled' }
            : { state: 'failed', message: messageOf(error) };
        },
      )
      .finally(() => {
        entry.controller = null;
      });
    return { jobId };
  };

  return {
    listBundledModels: () => runner.listBundledModels(),

    start: async (request) => startJob((hooks) => runner.run(request, hooks).then((report) => ({ report }))),

    startSplit: async (request) => startJob((hooks) => runner.split(request, hooks)),

    async status(jobId) {
      return job(jobId).status;
    },

    async cancel(jobId) {
      job(jobId).controller?.abort();
    },

    async importReport(path, signal) {
      let read: BenchReport;
      try {
        read = await runner.readReport(path, signal);
      } catch (error) {
        throw error instanceof HostBusyError || signal?.aborted ? error : new ApiError(messageOf(error));
      }
      return { jobId: add({ status: { state: 'done', report: read }, controller: null }) };
    },

    async apply({ scenarioText, jobId, modelId, scenarioPath }, signal) {
      const measured = report(jobId);
      const options = {
        scenarioFile: scenarioPath ?? 'scenario',
        modelFolder: scenarioPath === undefined ? undefined : dirname(scenarioPath),
      };
      try {
        return { ok: true, ...(await runner.apply(scenarioText, measured, modelId, options, signal)) };
      } catch (error) {
        if (error instanceof ApiError || signal?.aborted) throw error;
        return { ok: false, message: messageOf(error) };
      }
    },
  };
}

function progressMessage(progress: BenchProgress): string {
  const threads = `${progress.threads} thread${progress.threads === 1 ? '' : 's'}`;
  if (progress.calibration) {
    return `calibrating this machine: ${progress.calibration.model} (${progress.done + 1} of ${progress.total}, ${threads}) · ${progress.calibration.phase}`;
  }
  return `${progress.phase} ${progress.done}/${progress.total} · ${threads}, batch ${progress.batch} (${progress.configuration + 1} of ${progress.configurations})`;
}
