// Messages between the host and a benchmark child process (one child per configuration).
import type { InputPlan } from '../inputs/input-kinds';
import type { MeasuredFigures } from '../report/bench-report';
import type { StabilityVerdict } from '../stats/stability';

export const BENCH_MODES = ['single-stream', 'server', 'offline'] as const;
export type BenchMode = (typeof BENCH_MODES)[number];

export interface MeasureTask {
  modelFile: string;
  inputs: InputPlan[];
  /** input name -> output name fed back into it from the second run on. */
  recurrent: Record<string, string>;
  threads: number;
  batch: number;
  mode: BenchMode;
  warmup: number;
  /** Stop after this many measured runs, or (when absent) after durationS. */
  iterations?: number;
  durationS?: number;
  /** Server mode: Poisson arrivals at this many queries per second. */
  rateQps?: number;
  /** Server and offline modes: runs in flight at once, one session (in its own worker thread) each. */
  concurrency?: number;
  /**
   * Offline mode by --iterations: the queries (samples) issued at once; `iterations` is then the
   * runs of `batch` they take, the last one padded to a full batch.
   */
  samples?: number;
  seed: number;
  /** Skip measuring and only record the shapes each node ran with (inspection). */
  measure: boolean;
  /** After measuring, run once more under onnxruntime's profiler to record node shapes. */
  profile: boolean;
  /**
   * Runs under the profiler (default 1): the first records node shapes (and warms the session
   * up); each further one records every node's kernel time (`placewise split`).
   */
  profileRuns?: number;
}

/** One node as onnxruntime's profiler saw it run (graph optimisations off, so nodes are the model's). */
export interface ProfiledNode {
  name: string;
  opType: string;
  nodeIndex: number;
  inputs: number[][];
  outputs: number[][];
  /** The element type of each output as onnxruntime names it (float, int64, float16, bool, ...). */
  outputTypes: string[];
  /** How long this execution of the node's kernel took, microseconds. */
  kernelUs: number;
}

export interface Measurement extends MeasuredFigures {
  stability: StabilityVerdict;
  /** Raw per-run latencies (ms), kept for charts and for the harness-overhead comparison. */
  samples_ms: number[];
}

export type ChildMessage =
  | { kind: 'progress'; phase: 'load' | 'warmup' | 'measure' | 'profile'; done: number; total: number }
  | { kind: 'measured'; measurement: Measurement; onnxruntime: string; sessionOptions: Record<string, unknown> }
  | { kind: 'profiled'; nodes: ProfiledNode[]; timedRuns: ProfiledNode[][]; onnxruntime: string }
  | { kind: 'failed'; phase: 'load' | 'run' | 'internal'; message: string };
