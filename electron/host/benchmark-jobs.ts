// Benchmarks on the host as jobs: each runs in bench's child processes (so the host never
// blocks), reports its progress for polling, and can be cancelled. Finished reports stay
// available to apply to a scenario.
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import type { BenchProgress, BenchReport } from '../../bench/index';
import { ApiError, type BenchmarkJobStatus } from '../api/contract';
import type { BenchmarkService } from './benchmark-service';

type BenchModule = typeof import('../../bench/index');

const KEPT_JOBS = 20;

interface Job {
  status: BenchmarkJobStatus;
  controller: AbortController | null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `loadBench` is lazy: onnxruntime and the model files load only when a benchmark is asked for. */
export function createBenchmarkJobs(
  loadBench: () => Promise<BenchModule> = () => import('../../bench/index'),
): BenchmarkService {
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

  return {
    async listBundledModels() {
      const bench = await loadBench();
      return bench
        .listBundledModels()
        .map(({ id, reference, label, size_mb, params }) => ({ id, reference, label, size_mb, params }));
    },

    async start(request) {
      const bench = await loadBench();
      const controller = new AbortController();
      const entry: Job = { status: { state: 'running', progress: 0, message: 'starting' }, controller };
      const jobId = add(entry);
      bench
        .runBenchmark(request, {
          signal: controller.signal,
          onProgress: (progress) => {
            entry.status = { state: 'running', progress: progress.fraction, message: progressMessage(progress) };
          },
        })
        .then(
          (result) => {
            entry.status = { state: 'done', report: result };
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
    },

    async status(jobId) {
      return job(jobId).status;
    },

    async cancel(jobId) {
      job(jobId).controller?.abort();
    },

    async importReport(path) {
      const bench = await loadBench();
      try {
        return { jobId: add({ status: { state: 'done', report: bench.readBenchReport(path) }, controller: null }) };
      } catch (error) {
        throw new ApiError(messageOf(error));
      }
    },

    async apply({ scenarioText, jobId, modelId, scenarioPath }) {
      const bench = await loadBench();
      try {
        const applied = bench.applyBenchToScenario(scenarioText, report(jobId), modelId, {
          scenarioFile: scenarioPath ?? 'scenario',
          modelFolder: scenarioPath === undefined ? undefined : dirname(scenarioPath),
        });
        return { ok: true, ...applied };
      } catch (error) {
        if (error instanceof ApiError) throw error;
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
