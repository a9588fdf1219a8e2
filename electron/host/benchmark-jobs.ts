// Benchmarks on the host as jobs: each runs on the host's benchmark worker thread and bench's
// child processes (so the host never blocks), one at a time, reports its progress for polling,
// and can be cancelled. Finished reports stay available to apply to a scenario. An on-device
// benchmark's job is its server waiting for the device: it also stops when nobody has asked for
// its status for DEVICE_LEASE_MS, so that a closed window leaves no server listening.
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import type { AppliedMeasurement, ApplyOptions, BenchProgress, BenchReport, SplitAnalysis } from '../../bench/index';
import { DEFAULT_DEVICE_TIMEOUT_S } from '../../bench/limits';
import type { OnDeviceRequest } from '../../bench/on-device/bench-on-device';
import { deviceUrls } from '../../bench/on-device/device-urls';
import type { LinkTechnology } from '../../simulator/scenario/link-technologies';
import {
  ApiError,
  type BenchmarkJobStatus,
  type BenchmarkRequest,
  type BundledModelSummary,
  type DeviceBenchmarkRequest,
  type DeviceSession,
  HostBusyError,
  type SplitJobRequest,
} from '../api/contract';
import type { BenchmarkService } from './benchmark-service';
import { type HostWork, sharedHostWork } from './work/host-work';
import type { DeviceSessionEvent, TaskOutput } from './work/protocol';

interface RunHooks {
  signal: AbortSignal;
  onStart(): void;
  onProgress(progress: BenchProgress): void;
}

interface DeviceRunHooks {
  signal: AbortSignal;
  onStart(): void;
  onEvent(event: DeviceSessionEvent): void;
}

/** Where bench's work runs: the host's worker threads, or a fake in tests. */
export interface BenchRunner {
  listBundledModels(): Promise<BundledModelSummary[]>;
  /** Throws a HostBusyError at once when too many benchmarks wait already; `onStart` when it leaves the queue. */
  run(request: BenchmarkRequest, hooks: RunHooks): Promise<BenchReport>;
  /** A split, queued and run like a benchmark. */
  split(request: SplitJobRequest, hooks: RunHooks): Promise<{ report: BenchReport; split: SplitAnalysis }>;
  /** An on-device benchmark, queued like a benchmark: its server waits for the device's result. */
  onDevice(request: OnDeviceRequest, hooks: DeviceRunHooks): Promise<TaskOutput<'benchOnDevice'>>;
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
    onDevice: (request, { signal, onStart, onEvent }) =>
      work.benchmarks.run((worker) => {
        onStart();
        return worker.call('benchOnDevice', request, { onProgress: onEvent, cooperative: true });
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

/**
 * An on-device benchmark stops when its status was not asked for this long. The app asks every
 * fraction of a second while its window is open; a browser may slow a hidden tab's timers to
 * once a minute, which this outlasts.
 */
export const DEVICE_LEASE_MS = 150_000;

interface Job {
  status: BenchmarkJobStatus;
  controller: AbortController | null;
  /** When its status was last asked for (performance.now()). */
  askedAt: number;
}

/** What a job's work tells its job while it runs. */
interface JobControl {
  signal: AbortSignal;
  running(message: string, progress?: number, device?: DeviceSession): void;
}

type Finished = Extract<BenchmarkJobStatus, { state: 'done' | 'failed' }>;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createBenchmarkJobs(
  runner: BenchRunner = workerBenchRunner(),
  { deviceLeaseMs = DEVICE_LEASE_MS }: { deviceLeaseMs?: number } = {},
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

  /**
   * Queues the work as a job that is polled for progress and may be cancelled; a `leased` job
   * is also cancelled when its status has not been asked for within deviceLeaseMs.
   */
  const startJob = (run: (control: JobControl) => Promise<Finished>, leased = false): { jobId: string } => {
    const controller = new AbortController();
    const entry: Job = {
      status: { state: 'running', progress: 0, message: 'waiting for the benchmark before it to finish' },
      controller,
      askedAt: performance.now(),
    };
    const lease = leased
      ? setInterval(() => {
          if (performance.now() - entry.askedAt > deviceLeaseMs) controller.abort();
        }, deviceLeaseMs / 4)
      : undefined;
    lease?.unref();
    const running = run({
      signal: controller.signal,
      running: (message, progress = 0, device) => {
        entry.status = { state: 'running', progress, message, ...(device ? { device } : {}) };
      },
    });
    const jobId = add(entry);
    running
      .then(
        (finished) => {
          entry.status = finished;
        },
        (error: unknown) => {
          entry.status = controller.signal.aborted
            ? { state: 'cancelled' }
            : { state: 'failed', message: messageOf(error) };
        },
      )
      .finally(() => {
        clearInterval(lease);
        entry.controller = null;
      });
    return { jobId };
  };

  /** A benchmark's hooks, reporting to its job. */
  const benchHooks = ({ signal, running }: JobControl): RunHooks => ({
    signal,
    onStart: () => running('starting'),
    onProgress: (progress) => running(progressMessage(progress), progress.fraction),
  });

  const onDevice = async (request: DeviceBenchmarkRequest, { signal, running }: JobControl): Promise<Finished> => {
    const lan = request.lan ?? false;
    const timeoutS = request.timeoutS ?? DEFAULT_DEVICE_TIMEOUT_S;
    let session: DeviceSession | undefined;
    const outcome = await runner.onDevice(
      { ...request, lan, timeoutS },
      {
        signal,
        onStart: () => running(`starting the benchmark server for ${request.model}`),
        onEvent: (event) => {
          if ('listening' in event)
            session = { urls: deviceUrls(event.listening, lan), lan, connected: false, timeoutS };
          else if (session) session = { ...session, connected: true };
          running(
            session?.connected
              ? 'the device has opened the page: it is downloading and measuring the model'
              : 'waiting for the device to open the page',
            0,
            session,
          );
        },
      },
    );
    if ('report' in outcome) return { state: 'done', report: outcome.report };
    return {
      state: 'failed',
      timedOut: true,
      message: `no result within ${outcome.timedOutS} s; the benchmark server has stopped`,
    };
  };

  return {
    listBundledModels: () => runner.listBundledModels(),

    start: async (request) =>
      startJob((control) => runner.run(request, benchHooks(control)).then((report) => ({ state: 'done', report }))),

    startSplit: async (request) =>
      startJob((control) => runner.split(request, benchHooks(control)).then((done) => ({ state: 'done', ...done }))),

    startOnDevice: async (request) => startJob((control) => onDevice(request, control), true),

    async status(jobId) {
      const asked = job(jobId);
      asked.askedAt = performance.now();
      return asked.status;
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
      return { jobId: add({ status: { state: 'done', report: read }, controller: null, askedAt: performance.now() }) };
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
