// The results file of `placewise bench` (DESIGN.md section 6), read by the app, by
// `placewise bench --import`, and by tools outside this repository: add fields, never rename.
import type { FlopCount } from '../inspect/count-flops';
import type { InputShapes } from '../inspect/resolve-shapes';
import type { TensorSignature } from '../onnx/tensor-signature';
import type { BenchMode } from '../runner/protocol';
import type { LatencySummary } from '../stats/latency-stats';

/** Version of this results format; bumped only for incompatible changes. */
export const BENCH_REPORT_VERSION = 1;

export interface BenchRequest {
  /** A path to an .onnx file, or bundled:NAME. */
  model: string;
  /** intra-op thread counts to sweep (default: every core of the machine). */
  threads?: number[];
  /** Batch sizes to sweep (default 1). */
  batch?: number[];
  /** Shapes for inputs, NAME -> dims, for dynamic dimensions (at batch 1 or as given). */
  shapes?: Record<string, number[]>;
  /** Runs after the first and before measuring (default 5). */
  warmup?: number;
  /** Measured runs per configuration (default 50 unless durationS is given). */
  iterations?: number;
  /** Measure for this many seconds instead of a number of runs. */
  durationS?: number;
  mode?: BenchMode;
  /** Server mode: Poisson arrivals at this rate (queries per second). */
  rateQps?: number;
  /**
   * Server and offline modes: runs in flight at once, one session each (default: the machine's
   * cores). Offline mode's lanes share the queue of batches, as LoadGen's offline scenario lets
   * the system under test use all its resources.
   */
  concurrency?: number;
  /** Server mode: a run whose p99 latency exceeds this (ms) is invalid. */
  latencyBoundMs?: number;
  /** Seeds the input data and server-mode arrivals (default 1). */
  seed?: number;
  /**
   * Also measure the bundled calibration models on this machine (after the model, at the
   * reference configuration's thread count) and record its effective throughput in
   * `calibration`, which projection to other hardware needs. Default false here; the CLI and
   * the app ask for it.
   */
  calibrate?: boolean;
}

export interface BenchProgress {
  /** 0-based index of the configuration running, of `configurations`. */
  configuration: number;
  configurations: number;
  threads: number;
  batch: number;
  phase: 'load' | 'warmup' | 'measure' | 'profile' | 'calibrate';
  /** In the calibrate phase: the calibration model (`done` of `total`) and its own phase. */
  calibration?: { model: string; phase: BenchProgress['phase'] };
  done: number;
  total: number;
  /** Share of the whole benchmark done, 0..1 (configurations weigh equally). */
  fraction: number;
}

export interface BenchModelSummary {
  file: string;
  id?: string;
  sha256: string;
  size_mb: number;
  params: number;
  /** FLOPs of one run at `flops_shape` (the first batch size asked for). */
  flops: FlopCount;
  flops_shape: InputShapes;
  uncounted_ops: string[];
  inputs: TensorSignature[];
  outputs: TensorSignature[];
}

export interface BenchHost {
  /** The machine's host name; it names the hardware profile when the file is imported elsewhere. */
  name: string;
  cpu: string;
  cores: number;
  memory_gb: number;
  os: string;
  node: string;
  onnxruntime: string;
}

/** What a benchmark child measures for one configuration. */
export interface MeasuredFigures {
  load_ms: number;
  first_run_ms: number;
  warmup: number;
  iterations: number;
  /** Wall time of the measured phase, seconds. */
  measure_s: number;
  /** Per run (a run processes `batch` inputs). In server mode, from each query's scheduled arrival. */
  latency_ms: LatencySummary;
  /** Inputs per second: batch x runs / measured wall time. */
  throughput_ips: number;
  /** Peak resident memory of the benchmark process (model, runtime and buffers), 10^6 bytes. */
  peak_rss_mb: number;
  /**
   * Server mode: the arrival rate times the mean service time of a run. At 1 or more the
   * machine cannot keep up (past saturation): queues grow for as long as the run lasts, so the
   * latencies say more about the run's length than about the model.
   */
  utilization?: number;
  /** Server mode with --duration: queries that had arrived by the deadline but were never started. */
  unserved?: number;
  /**
   * onnxruntime's per-call overhead on this configuration: the median time of one run of a
   * trivial model (one Identity on a float) with the same session options and loop, ms.
   * Projection to other hardware does not scale it as compute.
   */
  overhead_ms?: number;
  /** Offline mode: the queries (samples) issued at once; `iterations` counts the runs of `batch` they took. */
  samples?: number;
  /** Offline mode: samples over the measured wall time (LoadGen's offline metric; also throughput_ips). */
  samples_per_s?: number;
  /** Offline mode: why the runs are not of `batch` samples as asked (a model with a fixed batch dimension). */
  batching_note?: string;
  /** Server and offline modes: lanes (sessions, each in its own worker thread) serving queries at once. */
  concurrency?: number;
  /**
   * Server mode: queries completed over the time from the start of the schedule to when the last
   * of them could begin service (README, "Server mode validity").
   */
  achieved_rate_qps?: number;
  /** Server mode: false when the achieved rate is below 99% of the rate or p99 is over the latency bound. */
  valid?: boolean;
  invalid_reason?: string;
}

export interface BenchResult extends MeasuredFigures {
  threads: number;
  batch: number;
  shape: InputShapes;
  /** Work of one run at this shape, 10^9 operations. */
  gflop: number;
  /** False when the medians of consecutive windows differ by more than 10%; the figures stand, flagged. */
  stable: boolean;
  windows_p50_ms: number[];
  unstable_reason?: string;
  /** Every measured latency in run order, when there are at most MAX_SAMPLES of them. */
  samples_ms?: number[];
}

export const MAX_SAMPLES = 5000;

/**
 * The measuring machine's effective throughput, from models other than the one benchmarked
 * (the bundled calibration models, each at its default shape, batch 1, the reference thread
 * count): their work over their median times. Projection to other hardware scales a measured
 * latency by this over the target's gflops, so a model that runs slower than its FLOPs suggest
 * here also runs slower there.
 */
export interface BenchCalibration {
  /** 10^9 operations per second: the sum of the models' gflop over the sum of their p50 seconds less overhead. */
  gflops: number;
  threads: number;
  models: {
    id: string;
    sha256: string;
    gflop: number;
    p50_ms: number;
    /** onnxruntime's per-call overhead in that run (MeasuredFigures.overhead_ms), left out of its compute time. */
    overhead_ms?: number;
    iterations: number;
    stable: boolean;
  }[];
}

export interface BenchReport {
  /** The results format version (BENCH_REPORT_VERSION). */
  placewise_bench: number;
  /** When the benchmark finished, ISO 8601. */
  created: string;
  model: BenchModelSummary;
  host: BenchHost;
  mode: BenchMode;
  rate_qps?: number;
  /** Server mode: the p99 bound the runs were judged against, when one was given. */
  latency_bound_ms?: number;
  seed: number;
  /** onnxruntime session options of the measured sessions; intraOpNumThreads lists the counts swept. */
  session_options: Record<string, unknown>;
  results: BenchResult[];
  /** Present when the benchmark calibrated the machine (files made before calibration lack it). */
  calibration?: BenchCalibration;
}
