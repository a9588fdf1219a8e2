// Measures a model for splitting: a calibrated benchmark of the whole model (its median time on
// this machine and this machine's throughput, as `placewise bench` measures them), then, in a
// child process of its own, profiled runs that time every node. Node times come from a session
// without graph optimisations (so that kernels are the file's nodes), which runs slower than
// the optimised one: they give each cut's share of the work, and the optimised median gives
// the time, so that the all-device figure is the one `placewise bench` projects.
import { availableParallelism } from 'node:os';
import { BenchInputError } from '../errors';
import { inputPlans } from '../inputs/input-plans';
import { loadModel } from '../inspect/model-facts';
import { type InputShapes, resolveInputShapes } from '../inspect/resolve-shapes';
import { BENCH_LIMITS, benchRequestProblem } from '../limits';
import { profileFromReport } from '../projection/profile-from-report';
import { referenceResult } from '../projection/reference-result';
import type { BenchModelSummary, BenchProgress, BenchReport } from '../report/bench-report';
import { asInputError } from '../runner/child-failure';
import { runInChild } from '../runner/child-process';
import { type BenchHooks, runBenchmark } from '../runner/run-benchmark';
import { type MeasuredCut, profiledCuts } from './split-measurement';

export interface SplitRequest {
  /** A path to an .onnx file, or bundled:NAME. */
  model: string;
  /** Shapes for inputs, NAME -> dims, for dynamic dimensions. */
  shapes?: Record<string, number[]>;
  /** intra-op threads (default: every core of the machine). */
  threads?: number;
  /** Measured runs of the whole model, and profiled runs that time each node (default 10). */
  iterations?: number;
  seed?: number;
  /** Measure the bundled calibration models for this machine's throughput (default true). */
  calibrate?: boolean;
}

export const DEFAULT_SPLIT_ITERATIONS = 10;
const SPLIT_WARMUP = 2;

export interface SplitMeasurement {
  model: Pick<BenchModelSummary, 'file' | 'id' | 'sha256' | 'size_mb'> & { gflop: number };
  shape: InputShapes;
  threads: number;
  /** The whole model's median time on this machine (optimised session), ms. */
  p50_ms: number;
  /** This machine's effective throughput, as `placewise bench` records it (calibrated or not). */
  machine_gflops: number;
  calibrated: boolean;
  /** Profiled runs each node's time is the median of. */
  timed_runs: number;
  /** Compute nodes in the graph (positions run from 0 to this). */
  nodes: number;
  cuts: MeasuredCut[];
  /** Cuts left out because a crossing tensor's size is unknown. */
  unsized_cuts: number;
  /** Bytes of all the model's weights. */
  weight_bytes: number;
}

/** A split's measurement, and the calibrated benchmark of the whole model it was made from. */
export interface MeasuredSplit {
  measurement: SplitMeasurement;
  report: BenchReport;
}

/** What is wrong with a split request, naming the option and its limit; null when nothing is. */
export function splitRequestProblem(request: SplitRequest): string | null {
  const { threads, iterations } = request;
  const problem = benchRequestProblem({
    model: request.model,
    threads: threads === undefined ? undefined : [threads],
    iterations,
  });
  if (problem) return problem;
  return iterations !== undefined && iterations > BENCH_LIMITS.splitRuns
    ? `--iterations ${iterations} is over the limit of ${BENCH_LIMITS.splitRuns} for a split (each run is also profiled)`
    : null;
}

// The calibrated benchmark takes this share of the progress, the profiled runs the rest.
const BENCH_SHARE = 0.8;

export async function measureSplit(request: SplitRequest, hooks: BenchHooks = {}): Promise<MeasuredSplit> {
  const problem = splitRequestProblem(request);
  if (problem) throw new BenchInputError(`${request.model}: ${problem}`);
  const loaded = loadModel(request.model);
  const file = loaded.facts.file;
  const shapes = resolveInputShapes(file, loaded.facts.inputs, {
    defaults: loaded.bundled?.defaultShapes,
    overrides: request.shapes,
  });
  const threads = request.threads ?? availableParallelism();
  const iterations = request.iterations ?? DEFAULT_SPLIT_ITERATIONS;
  const seed = request.seed ?? 1;
  const onProgress = hooks.onProgress;
  const report = await runBenchmark(
    {
      model: request.model,
      shapes,
      threads: [threads],
      warmup: SPLIT_WARMUP,
      iterations,
      seed,
      calibrate: request.calibrate ?? true,
    },
    {
      signal: hooks.signal,
      onProgress: onProgress && ((progress) => onProgress({ ...progress, fraction: progress.fraction * BENCH_SHARE })),
    },
  );
  const timing: BenchProgress = {
    configuration: 0,
    configurations: 1,
    threads,
    batch: 1,
    phase: 'profile',
    done: 0,
    total: iterations,
    fraction: BENCH_SHARE,
  };
  onProgress?.(timing);
  const profiled = await runInChild(
    {
      modelFile: file,
      inputs: inputPlans(loaded, shapes),
      recurrent: { ...loaded.bundled?.recurrent },
      threads,
      batch: 1,
      mode: 'single-stream',
      warmup: 0,
      iterations: 0,
      seed,
      measure: false,
      profile: true,
      // The first profiled run is the session's first (allocations, caches): shapes only.
      profileRuns: 1 + iterations,
    },
    { signal: hooks.signal },
  ).catch((error: unknown) => {
    throw asInputError(file, shapes, error);
  });
  const cuts = profiledCuts(loaded.model, loaded.facts.inputs, shapes, profiled.nodes ?? [], profiled.timedRuns ?? []);
  onProgress?.({ ...timing, done: iterations, fraction: 1 });
  const reference = referenceResult(report);
  const { model } = report;
  const measurement: SplitMeasurement = {
    model: {
      file: model.file,
      ...(model.id ? { id: model.id } : {}),
      sha256: model.sha256,
      size_mb: model.size_mb,
      gflop: reference.gflop,
    },
    shape: shapes,
    threads,
    p50_ms: reference.latency_ms.p50,
    machine_gflops: profileFromReport(report).gflops,
    calibrated: report.calibration !== undefined,
    timed_runs: iterations,
    nodes: cuts.nodes,
    cuts: cuts.cuts,
    unsized_cuts: cuts.unsized,
    weight_bytes: cuts.weight_bytes,
  };
  return { measurement, report };
}
