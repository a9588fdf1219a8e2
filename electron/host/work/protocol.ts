// The messages between the host and its worker threads (work-pool.ts, host-worker.ts): each
// task is one request and one reply, with progress in between for the tasks that have it.
import type {
  AppliedMeasurement,
  ApplyOptions,
  BenchProgress,
  BenchReport,
  BenchRequest,
  SplitAnalysis,
  SplitRequest,
  SplitTarget,
} from '../../../bench/index';
import type { DeviceListening, OnDeviceRequest } from '../../../bench/on-device/index';
import type { ScenarioResults } from '../../../simulator/results';
import type { Scenario } from '../../../simulator/scenario/schema';
import type { MonteCarloReport } from '../../../simulator/uncertainty/monte-carlo-plan';
import type { BundledModelSummary } from '../../api/contract';
import type { RelayEvent, RelayRequest } from './child-relay';

/** What each task takes and gives, and the progress it reports on the way (never, where absent). */
export interface HostTasks {
  /**
   * Validates a scenario's text and simulates it at full fidelity (an export's figures), and,
   * given `monteCarloSamples`, studies its uncertain values (a report's uncertainty section).
   */
  simulate: {
    input: { scenarioText: string; monteCarloSamples?: number };
    /** `uncertainValues`: how many numbers are uncertain (ranges); `monteCarlo`: their study, when asked and there are some. */
    output: { scenario: Scenario; results: ScenarioResults; uncertainValues: number; monteCarlo?: MonteCarloReport };
    progress: MonteCarloProgress;
  };
  applyBenchmark: {
    input: { scenarioText: string; report: BenchReport; modelId: string; options: ApplyOptions };
    output: AppliedMeasurement;
  };
  readBenchReport: { input: { path: string }; output: BenchReport };
  listBundledModels: { input: null; output: BundledModelSummary[] };
  /** Runs a benchmark (each configuration in bench's own child process); reports progress. */
  benchmark: { input: BenchRequest; output: BenchReport; progress: BenchProgress };
  /** Measures a split (bench's child processes) and projects it; reports progress. */
  split: {
    input: SplitRequest & SplitTarget;
    output: { report: BenchReport; split: SplitAnalysis };
    progress: BenchProgress;
  };
  /**
   * Serves the on-device benchmark page and waits for the device's one result, or for the
   * timeout (`timedOutS`: no result came within that many seconds; the server has stopped).
   */
  benchOnDevice: {
    input: OnDeviceRequest;
    output: { report: BenchReport } | { timedOutS: number };
    progress: DeviceSessionEvent;
  };
}

/** What an on-device benchmark tells on the way: where its server listens, then that the device came. */
export type DeviceSessionEvent = { listening: DeviceListening } | { connected: true };

/** Evaluations of a Monte Carlo study done so far. */
export interface MonteCarloProgress {
  done: number;
  total: number;
}

export type TaskKind = keyof HostTasks;
export type TaskInput<K extends TaskKind> = HostTasks[K]['input'];
export type TaskOutput<K extends TaskKind> = HostTasks[K]['output'];
export type TaskProgress<K extends TaskKind> = HostTasks[K] extends { progress: infer P } ? P : never;

export type TaskMessage = { id: number; kind: TaskKind; input: unknown } | { id: number; cancel: true };

export interface TaskFailure {
  message: string;
  /** Bad input the user can fix (a scenario that does not validate, a file that is not a model). */
  input: boolean;
  /** Ended by a cancel message. */
  cancelled: boolean;
}

export type WorkerReply =
  | { id: number; progress: TaskProgress<TaskKind> }
  | { id: number; output: unknown }
  | { id: number; failure: TaskFailure };

/** Everything the main thread posts to a worker thread, and everything it hears back. */
export type ToWorker = TaskMessage | RelayEvent;
export type FromWorker = WorkerReply | RelayRequest;
