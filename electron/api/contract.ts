// The one API between the renderer and the host (DESIGN.md section 1). Two transports carry it:
// Electron IPC (preload.ts names each method) and HTTP in browser mode (`placewise serve`).
// This file holds types and method names only: the sandboxed preload imports it.
import type { BenchReport, SplitAnalysis } from '../../bench/index';
import type { ExportFormat } from '../host/export/export-formats';

export type { BenchReport, ExportFormat, SplitAnalysis };

/** A scenario file as text, where it lives on the host. */
export interface ScenarioFile {
  path: string;
  text: string;
}

export type OpenScenarioResult = { ok: true; file: ScenarioFile } | { ok: false; path: string; message: string };

export type SaveScenarioResult = { ok: true; path: string } | { ok: false; path: string; message: string };

/** The open work, written on every edit so that a crash loses nothing. */
export interface RecoveryRecord {
  /** The file the work belongs to; null for a scenario never saved. */
  path: string | null;
  text: string;
  /** ISO 8601 time of the write. */
  saved_at: string;
}

export interface HostInfo {
  transport: 'electron' | 'http';
  /** The scenario to open on start (the one named on the command line, else the bundled default). */
  startScenarioPath: string | null;
  /** Whether the host shows native open/save dialogs; without them the renderer asks for a path. */
  nativeDialogs: boolean;
  version: string;
}

export interface BundledModelSummary {
  id: string;
  /** What to benchmark or to write in a scenario's models[].file, e.g. bundled:paddleocr-det. */
  reference: string;
  label: string;
  size_mb: number;
  params: number;
}

/** A benchmark to run on the host (DESIGN.md section 6); absent settings take bench's defaults. */
export interface BenchmarkRequest {
  /** `bundled:NAME` or a path to an `.onnx` file on the host. */
  model: string;
  threads?: number[];
  batch?: number[];
  warmup?: number;
  iterations?: number;
  /** Also measure the bundled calibration models, so that the measurement projects to other hardware. */
  calibrate?: boolean;
}

/**
 * A split of one model between a device and a server (`placewise split`): measured on the host,
 * projected onto built-in hardware profiles and a link technology.
 */
export interface SplitJobRequest {
  /** `bundled:NAME` or a path to an `.onnx` file on the host. */
  model: string;
  /** Built-in hardware profile ids. */
  device: string;
  server: string;
  /** A link technology: bluetooth, wifi, lte, 5g, ethernet, wan. */
  link: string;
  /** The link's rate, Mbit/s (default: the technology's). */
  mbps?: number;
  threads?: number;
  /** Measured runs, and profiled runs that time each operator. */
  iterations?: number;
}

/**
 * A benchmark in another device's browser (`placewise bench --on-device`): the host serves a
 * one-time page for the model and waits for the device's one result.
 */
export interface DeviceBenchmarkRequest {
  /** `bundled:NAME` or a path to an `.onnx` file on the host. */
  model: string;
  /** Listen on the local network, not only on 127.0.0.1. */
  lan?: boolean;
  /** Stop waiting for the result after this many seconds (default 600). */
  timeoutS?: number;
  warmup?: number;
  iterations?: number;
}

/** Where an on-device benchmark waits for its device, while it runs. */
export interface DeviceSession {
  /** The page's URLs, each with the one-time token (with `lan`, one per network; none when on none). */
  urls: string[];
  lan: boolean;
  /** The device has opened the page, and is downloading and measuring the model. */
  connected: boolean;
  timeoutS: number;
}

export type BenchmarkJobStatus =
  /** `device` is there for a job started by startDeviceBenchmark once its server listens. */
  | { state: 'running'; progress: number; message: string; device?: DeviceSession }
  /** `split` is there for a job started by startSplit; `report` is its benchmark of the whole model. */
  | { state: 'done'; report: BenchReport; split?: SplitAnalysis }
  /** `timedOut`: an on-device benchmark got no result in time. */
  | { state: 'failed'; message: string; timedOut?: boolean }
  | { state: 'cancelled' };

/** Applies a finished benchmark (or an imported results file) to a scenario's model. */
export interface ApplyBenchmarkRequest {
  scenarioText: string;
  jobId: string;
  modelId: string;
  /** Where the scenario is saved, if it is: a relative `models[].file` is read beside it. */
  scenarioPath?: string;
}

/** Refused (`ok: false`) when the results are of another model file than the scenario model's. */
export type ApplyBenchmarkResult = { ok: true; text: string; warnings: string[] } | { ok: false; message: string };

/** An export of the scenario as it is being edited (DESIGN.md section 4, `placewise export`). */
export interface ExportRequest {
  scenarioText: string;
  format: ExportFormat;
  /** Default: the scenario's decision, else the recommendation. */
  optionId?: string;
  diagram?: 'architecture' | 'sequence';
  /** How reports name the scenario file (its name, in the decision record's `placewise check` command). */
  scenarioFile?: string;
  /** The caller's name for this export, to ask exportProgress about it while it runs. */
  progressId?: string;
}

/** A report's Monte Carlo study under way: evaluations done of all it needs. */
export interface ExportProgress {
  done: number;
  total: number;
}

export type ExportResult =
  { ok: true; fileName: string; mime: string; base64: string } | { ok: false; message: string };

/** A worked example from scenarios/ that the app offers to open. */
export interface ExampleScenario {
  path: string;
  name: string;
  /** The first sentence of its description. */
  summary: string;
}

export interface PlacewiseApi {
  hostInfo(): Promise<HostInfo>;
  listExamples(): Promise<ExampleScenario[]>;
  openScenario(path: string): Promise<OpenScenarioResult>;
  saveScenario(file: ScenarioFile): Promise<SaveScenarioResult>;
  recentFiles(): Promise<string[]>;
  /** Native open dialog; null when cancelled or when the host has none. */
  chooseScenarioToOpen(): Promise<string | null>;
  /** Native save dialog; null when cancelled or when the host has none. */
  chooseSavePath(suggestedPath: string | null): Promise<string | null>;
  writeRecovery(record: { path: string | null; text: string }): Promise<void>;
  readRecovery(): Promise<RecoveryRecord | null>;
  clearRecovery(): Promise<void>;
  listBundledModels(): Promise<BundledModelSummary[]>;
  startBenchmark(request: BenchmarkRequest): Promise<{ jobId: string }>;
  /** A split as a benchmark job: polled with benchmarkStatus, cancelled with cancelBenchmark. */
  startSplit(request: SplitJobRequest): Promise<{ jobId: string }>;
  /**
   * A benchmark in another device's browser, as a benchmark job: polled with benchmarkStatus
   * (which shows the page's URL), cancelled with cancelBenchmark; it also stops when nobody has
   * asked for its status for a while (the app's window closed).
   */
  startDeviceBenchmark(request: DeviceBenchmarkRequest): Promise<{ jobId: string }>;
  benchmarkStatus(jobId: string): Promise<BenchmarkJobStatus>;
  cancelBenchmark(jobId: string): Promise<void>;
  /** Reads a results file of `placewise bench` (made here or on another device) as a finished job. */
  importBenchmarkReport(path: string): Promise<{ jobId: string }>;
  applyBenchmark(request: ApplyBenchmarkRequest): Promise<ApplyBenchmarkResult>;
  /** Simulates the scenario at full fidelity on the host and renders the export. */
  exportScenario(request: ExportRequest): Promise<ExportResult>;
  /** How far the export of that `progressId` is; null before its Monte Carlo study starts, after it ends, or without one. */
  exportProgress(progressId: string): Promise<ExportProgress | null>;
  openExternal(url: string): Promise<void>;
}

export type ApiMethod = keyof PlacewiseApi;

export const API_METHODS = [
  'hostInfo',
  'listExamples',
  'openScenario',
  'saveScenario',
  'recentFiles',
  'chooseScenarioToOpen',
  'chooseSavePath',
  'writeRecovery',
  'readRecovery',
  'clearRecovery',
  'listBundledModels',
  'startBenchmark',
  'startSplit',
  'startDeviceBenchmark',
  'benchmarkStatus',
  'cancelBenchmark',
  'importBenchmarkReport',
  'applyBenchmark',
  'exportScenario',
  'exportProgress',
  'openExternal',
] as const satisfies readonly ApiMethod[];

/** Browser mode: the header that carries the per-server token the served page was given. */
export const TOKEN_HEADER = 'x-placewise-token';

/** The IPC channel of a method: one channel per named method, never a generic invoke. */
export function ipcChannel(method: ApiMethod): `placewise:${ApiMethod}` {
  return `placewise:${method}`;
}

/** A host error the renderer should show as is (bad arguments, an unknown job). */
export class ApiError extends Error {
  override name = 'ApiError';
}

/**
 * The host's queue for heavy work is full: the caller should try again after `retryAfterS`
 * seconds (HTTP 429 with Retry-After; over IPC the message says it).
 */
export class HostBusyError extends ApiError {
  override name = 'HostBusyError';
  constructor(
    message: string,
    readonly retryAfterS: number,
  ) {
    super(message);
  }
}
