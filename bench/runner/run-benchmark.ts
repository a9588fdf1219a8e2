// A benchmark: every (batch, threads) configuration measured in its own child process, one
// after another (never side by side: they would compete for the same cores), assembled into
// the results file of DESIGN.md section 6.
import { availableParallelism } from 'node:os';
import { BenchInputError } from '../errors';
import { inputPlans } from '../inputs/input-plans';
import { countFlops, type FlopTally } from '../inspect/count-flops';
import { type LoadedModel, loadModel } from '../inspect/model-facts';
import { batchDimension, type InputShapes, resolveInputShapes } from '../inspect/resolve-shapes';
import { benchRequestProblem, DEFAULT_ITERATIONS, DEFAULT_WARMUP } from '../limits';
import {
  BENCH_REPORT_VERSION,
  type BenchModelSummary,
  type BenchProgress,
  type BenchReport,
  type BenchRequest,
  type BenchResult,
  MAX_SAMPLES,
} from '../report/bench-report';
import { describeHost } from '../report/host-info';
import { judgeServerRun } from '../report/run-validity';
import { calibrateMachine } from './calibrate-machine';
import { asInputError } from './child-failure';
import { type ChildProgress, runInChild } from './child-process';
import type { BenchMode } from './protocol';

export interface BenchHooks {
  onProgress?: (progress: BenchProgress) => void;
  signal?: AbortSignal;
}

// With calibration, the model's own configurations take this share of the progress.
const MODEL_SHARE = 0.6;

export async function runBenchmark(request: BenchRequest, hooks: BenchHooks = {}): Promise<BenchReport> {
  const problem = benchRequestProblem(request);
  if (problem) throw new BenchInputError(`${request.model}: ${problem}`);
  if (!request.calibrate) return measureModel(request, hooks);
  const report = await measureModel(request, progressWithin(hooks, 0, MODEL_SHARE));
  const calibration = await calibrateMachine(report, (calibrationRequest, model, index, count) => {
    const share = (1 - MODEL_SHARE) / count;
    const from = MODEL_SHARE + index * share;
    return measureModel(
      calibrationRequest,
      progressWithin(hooks, from, from + share, (progress) => ({
        phase: 'calibrate',
        calibration: { model, phase: progress.phase },
        done: index,
        total: count,
      })),
    );
  });
  return { ...report, calibration };
}

/** Progress of one part of the work, reported as the share [from, to] of the whole. */
function progressWithin(
  hooks: BenchHooks,
  from: number,
  to: number,
  relabel: (progress: BenchProgress) => Partial<BenchProgress> = () => ({}),
): BenchHooks {
  const { onProgress } = hooks;
  return {
    signal: hooks.signal,
    onProgress:
      onProgress &&
      ((progress) =>
        onProgress({ ...progress, ...relabel(progress), fraction: from + (to - from) * progress.fraction })),
  };
}

async function measureModel(request: BenchRequest, hooks: BenchHooks): Promise<BenchReport> {
  const loaded = loadModel(request.model);
  const file = loaded.facts.file;
  const mode = request.mode ?? 'single-stream';
  // Server and offline modes run lanes side by side (LoadGen's offline scenario lets the system
  // use all its resources): by default one per core, sharing the cores, one intra-op pool each.
  const concurrency = mode === 'single-stream' ? 1 : (request.concurrency ?? availableParallelism());
  const threadCounts = request.threads ?? [Math.max(1, Math.floor(availableParallelism() / concurrency))];
  const seed = request.seed ?? 1;
  const warmup = request.warmup ?? DEFAULT_WARMUP;
  const { shapesByBatch, batchingNote } = shapesForBatches(request, loaded, mode);
  const batches = [...shapesByBatch.keys()];
  const configurations = batches.flatMap((batch) => threadCounts.map((threads) => ({ batch, threads })));
  const gflopByBatch = new Map<number, number>();
  const results: BenchResult[] = [];
  let model: BenchModelSummary | undefined;
  let onnxruntime = '';
  let sessionOptions: Record<string, unknown> = {};
  for (const [index, { batch, threads }] of configurations.entries()) {
    const shape = shapesByBatch.get(batch)!;
    // FLOPs depend on the shape only: profile once per batch size, in its first configuration.
    const profile = !gflopByBatch.has(batch);
    const onProgress = (progress: ChildProgress) =>
      hooks.onProgress?.({
        configuration: index,
        configurations: configurations.length,
        threads,
        batch,
        phase: progress.phase,
        done: progress.done,
        total: progress.total,
        fraction: (index + phaseFraction(progress)) / configurations.length,
      });
    const report = await runInChild(
      {
        modelFile: file,
        inputs: inputPlans(loaded, shape),
        recurrent: { ...loaded.bundled?.recurrent },
        threads,
        batch,
        mode,
        warmup,
        ...countOfRuns(request, mode, batch),
        durationS: request.durationS,
        rateQps: request.rateQps,
        ...(mode === 'single-stream' ? {} : { concurrency }),
        seed,
        measure: true,
        profile,
      },
      { onProgress, signal: hooks.signal },
    ).catch((error: unknown) => {
      throw asInputError(file, shape, error);
    });
    onnxruntime ||= report.onnxruntime;
    sessionOptions = { ...report.sessionOptions, intraOpNumThreads: threadCounts };
    if (report.nodes) {
      const tally = countFlops(loaded.model, report.nodes);
      gflopByBatch.set(batch, tally.flops.total / 1e9);
      model ??= summarizeModel(loaded, tally, shape);
    }
    const { stability, samples_ms, ...figures } = report.measurement!;
    results.push({
      threads,
      batch,
      shape,
      gflop: Math.round(gflopByBatch.get(batch)! * 1e6) / 1e6,
      ...figures,
      ...(batchingNote ? { batching_note: batchingNote } : {}),
      ...(mode === 'server' ? judgeServerRun(figures, request.rateQps!, request.latencyBoundMs) : {}),
      stable: stability.stable,
      windows_p50_ms: stability.windows_p50_ms,
      ...(stability.stable ? {} : { unstable_reason: stability.reason }),
      ...(samples_ms.length <= MAX_SAMPLES ? { samples_ms } : {}),
    });
  }
  return {
    placewise_bench: BENCH_REPORT_VERSION,
    created: new Date().toISOString(),
    model: model!,
    host: describeHost(onnxruntime),
    mode,
    ...(mode === 'server' ? { rate_qps: request.rateQps } : {}),
    ...(mode === 'server' && request.latencyBoundMs !== undefined ? { latency_bound_ms: request.latencyBoundMs } : {}),
    seed,
    session_options: sessionOptions,
    results,
  };
}

/**
 * The input shapes of each batch size asked for (without --batch, whatever the shapes say: a
 * --shape may set it). Offline mode batches queries up to --batch; a model whose batch
 * dimension is fixed cannot, so its queries run one per run, and the note says so.
 */
function shapesForBatches(
  request: BenchRequest,
  loaded: LoadedModel,
  mode: BenchMode,
): { shapesByBatch: Map<number, InputShapes>; batchingNote?: string } {
  const { inputs } = loaded.facts;
  const fixedBatch = batchDimension(inputs) === undefined;
  const asked = request.batch ?? [undefined];
  const batchingNote =
    mode === 'offline' && fixedBatch && asked.some((batch) => batch !== undefined && batch > 1)
      ? `input '${inputs[0]?.name}' has a fixed first dimension (${inputs[0]?.shape[0]}): --batch ${asked.join(',')} cannot batch its queries, so each run takes one`
      : undefined;
  const shapesByBatch = new Map<number, InputShapes>();
  for (const batchAsked of batchingNote ? [undefined] : asked) {
    const shape = resolveInputShapes(loaded.facts.file, inputs, {
      defaults: loaded.bundled?.defaultShapes,
      overrides: request.shapes,
      batch: batchAsked,
    });
    const first = inputs[0];
    const batch = batchAsked ?? (first && !fixedBatch ? shape[first.name][0] : 1);
    shapesByBatch.set(batch, shape);
  }
  return { shapesByBatch, batchingNote };
}

/**
 * How many runs the child makes. Offline mode by --iterations issues that many queries at once,
 * taken `batch` at a time (the last run padded to a full batch); the other modes run
 * --iterations runs. By --duration, as many as fit.
 */
function countOfRuns(request: BenchRequest, mode: BenchMode, batch: number): { iterations?: number; samples?: number } {
  if (request.durationS !== undefined) return {};
  const iterations = request.iterations ?? DEFAULT_ITERATIONS;
  return mode === 'offline' ? { iterations: Math.ceil(iterations / batch), samples: iterations } : { iterations };
}

function summarizeModel(loaded: LoadedModel, tally: FlopTally, shape: InputShapes): BenchModelSummary {
  const { facts, bundled } = loaded;
  return {
    file: facts.file,
    ...(bundled ? { id: bundled.id } : {}),
    sha256: facts.sha256,
    size_mb: facts.size_mb,
    params: facts.params,
    flops: tally.flops,
    flops_shape: shape,
    uncounted_ops: tally.uncounted_ops,
    inputs: facts.inputs,
    outputs: facts.outputs,
  };
}

function phaseFraction(progress: ChildProgress): number {
  // In duration mode `done` is the elapsed time, and the last inference may end past the planned
  // duration (more so on a busy machine): the phase is then complete, not more than complete.
  const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  switch (progress.phase) {
    case 'load':
      return 0;
    case 'warmup':
      return 0.05 + 0.05 * share;
    case 'measure':
      return 0.1 + 0.85 * share;
    case 'profile':
      return 0.95;
  }
}
