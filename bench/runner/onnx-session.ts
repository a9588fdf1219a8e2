// onnxruntime-node sessions and feeds for a benchmark child. Only the child process imports this
// module: `session.run` blocks its thread, and the native binding must not load into the host
// (an Electron main process or the CLI that shows progress).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import { type FeedSequence as GenericFeedSequence, feedSequence as genericFeedSequence } from '../inputs/feed-sequence';
import type { InputPlan } from '../inputs/input-kinds';
import { trivialModelBytes } from '../onnx/trivial-model';
import { medianCallMs, TRIVIAL_INPUT } from './call-overhead';
import type { ProfiledNode } from './protocol';

export const onnxruntimeVersion = (): string => ort.env.versions.node ?? ort.env.versions.common;

export function measurementSessionOptions(threads: number): ort.InferenceSession.SessionOptions {
  return {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  };
}

/** onnxruntime-node's per-call overhead with these session options: the trivial model's median run, ms. */
export async function measureCallOverhead(sessionOptions: ort.InferenceSession.SessionOptions): Promise<number> {
  const session = await ort.InferenceSession.create(trivialModelBytes(), sessionOptions);
  const feeds = { [TRIVIAL_INPUT]: new ort.Tensor('float32', new Float32Array(1), [1]) };
  const overhead = await medianCallMs(async () => {
    await session.run(feeds);
  });
  await session.release();
  return overhead;
}

/** Feeds for successive runs, as onnxruntime-node tensors. */
export type FeedSequence = GenericFeedSequence<ort.Tensor>;

export function feedSequence(plans: InputPlan[], recurrent: Record<string, string>, seed: number): FeedSequence {
  return genericFeedSequence(
    plans,
    recurrent,
    seed,
    (type, data, shape) => new ort.Tensor(type as ort.Tensor.Type, data, shape),
  );
}

/** onnxruntime refused the model (load) or its inputs (run): the user's problem, not ours. */
export class SessionFailure extends Error {
  constructor(
    readonly phase: 'load' | 'run',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs the model `runs` times under onnxruntime's profiler with graph optimisations and weight
 * pre-packing off, so that every profiled node is a node of the file (not a fused kernel) and
 * lists every input it was given, with the concrete shapes of this run. One list of nodes per run.
 */
export async function profileNodeShapes(
  modelFile: string,
  threads: number,
  feeds: Record<string, ort.Tensor>,
  runs = 1,
): Promise<ProfiledNode[][]> {
  const directory = mkdtempSync(join(tmpdir(), 'placewise-profile-'));
  try {
    const session = await ort.InferenceSession.create(modelFile, {
      intraOpNumThreads: threads,
      graphOptimizationLevel: 'disabled',
      enableProfiling: true,
      profileFilePrefix: join(directory, 'profile'),
      extra: { session: { disable_prepacking: '1' } },
    }).catch((error: Error) => {
      throw new SessionFailure('load', error.message);
    });
    for (let run = 0; run < runs; run++) {
      await session.run(feeds).catch((error: Error) => {
        throw new SessionFailure('run', error.message);
      });
    }
    session.endProfiling();
    await session.release();
    const file = readdirSync(directory).find((name) => name.endsWith('.json'));
    if (!file) throw new Error('onnxruntime wrote no profile');
    return parseProfile(JSON.parse(readFileSync(join(directory, file), 'utf8')));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

interface ProfileEvent {
  cat?: string;
  name?: string;
  ts?: number;
  dur?: number;
  args?: {
    op_name?: string;
    node_index?: string;
    input_type_shape?: Record<string, number[]>[];
    output_type_shape?: Record<string, number[]>[];
  };
}

const KERNEL_SUFFIX = '_kernel_time';

/** The kernels each run executed, by the `model_run` span (start and duration) that holds them. */
export function parseProfile(events: ProfileEvent[]): ProfiledNode[][] {
  const runs = events
    .filter((event) => event.cat === 'Session' && event.name === 'model_run')
    .map((event) => ({ from: event.ts ?? 0, to: (event.ts ?? 0) + (event.dur ?? 0), nodes: [] as ProfiledNode[] }))
    .sort((a, b) => a.from - b.from);
  const shapes = (list: Record<string, number[]>[] | undefined) =>
    (list ?? []).map((entry) => Object.values(entry)[0] ?? []);
  for (const event of events) {
    if (event.cat !== 'Node' || !event.name?.endsWith(KERNEL_SUFFIX) || !event.args?.op_name) continue;
    const ts = event.ts ?? 0;
    const run = runs.find((span) => ts >= span.from && ts <= span.to);
    run?.nodes.push({
      name: event.name.slice(0, -KERNEL_SUFFIX.length),
      opType: event.args.op_name,
      nodeIndex: Number(event.args.node_index ?? -1),
      inputs: shapes(event.args.input_type_shape),
      outputs: shapes(event.args.output_type_shape),
      outputTypes: (event.args.output_type_shape ?? []).map((entry) => Object.keys(entry)[0] ?? 'unknown'),
      kernelUs: event.dur ?? 0,
    });
  }
  return runs.map((run) => run.nodes);
}
