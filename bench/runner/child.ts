// Entry of a benchmark child process (bundled to dist/bench-child.mjs). It receives one
// MeasureTask, loads the model, measures, optionally profiles node shapes, reports, and exits:
// a fresh process per configuration, so that one configuration's threads, allocator arenas and
// caches do not disturb the next. In server and offline modes the same entry also runs as the
// child's worker threads, one session each (session-lanes.ts).
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import ort from 'onnxruntime-node';
import { roundSummary, summarizeLatencies } from '../stats/latency-stats';
import { judgeStability } from '../stats/stability';
import { type Infer, type LoopResult, measureLoop } from './measure-loop';
import {
  feedSequence,
  measureCallOverhead,
  measurementSessionOptions,
  onnxruntimeVersion,
  profileNodeShapes,
  SessionFailure,
} from './onnx-session';
import { type ParentChannel, parentChannel } from './parent-channel';
import type { ChildMessage, MeasureTask, Measurement } from './protocol';
import { type LaneSetup, serveLane, startLanes } from './session-lanes';

interface Prepared {
  load_ms: number;
  first_run_ms: number;
  infer: Infer;
  release(): Promise<void>;
}

/** Opens the session (server and offline modes: one per lane), runs it once and warms it up. */
async function prepare(task: MeasureTask, send: (message: ChildMessage) => Promise<void>): Promise<Prepared> {
  const setup: LaneSetup = {
    modelFile: task.modelFile,
    sessionOptions: measurementSessionOptions(task.threads),
    inputs: task.inputs,
    recurrent: task.recurrent,
    seed: task.seed,
    warmup: task.warmup,
  };
  if (task.mode !== 'single-stream') {
    const lanes = await startLanes(new URL(import.meta.url), setup, task.concurrency ?? 1);
    await send({ kind: 'progress', phase: 'warmup', done: task.warmup, total: task.warmup });
    return { ...lanes, infer: lanes.run, release: lanes.close };
  }
  const sequence = feedSequence(task.inputs, task.recurrent, task.seed);
  const loadStart = performance.now();
  const session = await ort.InferenceSession.create(task.modelFile, setup.sessionOptions).catch((error: Error) => {
    throw new SessionFailure('load', error.message);
  });
  const load_ms = performance.now() - loadStart;
  const infer = async () => sequence.advance(await session.run(sequence.feeds));
  const firstStart = performance.now();
  await infer().catch((error: Error) => {
    throw new SessionFailure('run', error.message);
  });
  const first_run_ms = performance.now() - firstStart;
  for (let i = 0; i < task.warmup; i++) {
    await infer();
    await send({ kind: 'progress', phase: 'warmup', done: i + 1, total: task.warmup });
  }
  return { load_ms, first_run_ms, infer, release: () => session.release() };
}

async function runTask(task: MeasureTask, send: (message: ChildMessage) => Promise<void>): Promise<void> {
  const sessionOptions = measurementSessionOptions(task.threads);
  const initialFeeds = { ...feedSequence(task.inputs, task.recurrent, task.seed).feeds };
  if (task.measure) {
    await send({ kind: 'progress', phase: 'load', done: 0, total: 1 });
    let prepared: Prepared;
    try {
      prepared = await prepare(task, send);
    } catch (error) {
      if (!(error instanceof SessionFailure)) throw error;
      await send({ kind: 'failed', phase: error.phase, message: error.message });
      return;
    }
    const loop = await measureLoop(task, prepared.infer, undefined, (done, total) => {
      void send({ kind: 'progress', phase: 'measure', done, total });
    });
    const peak_rss_mb = (process.resourceUsage().maxRSS * 1024) / 1e6;
    await prepared.release();
    const overhead_ms = await measureCallOverhead(sessionOptions);
    const measure_s = loop.wallMs / 1000;
    const inputs = task.samples ?? loop.latencies.length * task.batch;
    await send({
      kind: 'measured',
      onnxruntime: onnxruntimeVersion(),
      sessionOptions: { ...sessionOptions },
      measurement: {
        load_ms: round(prepared.load_ms),
        first_run_ms: round(prepared.first_run_ms),
        warmup: task.warmup,
        iterations: loop.latencies.length,
        measure_s: round(measure_s),
        latency_ms: roundSummary(summarizeLatencies(loop.latencies)),
        throughput_ips: measure_s > 0 ? round(inputs / measure_s) : 0,
        peak_rss_mb: round(peak_rss_mb),
        overhead_ms: round(overhead_ms),
        ...(task.mode === 'offline'
          ? {
              samples: inputs,
              samples_per_s: measure_s > 0 ? round(inputs / measure_s) : 0,
              concurrency: task.concurrency ?? 1,
            }
          : {}),
        ...serverFigures(task, loop),
        stability: judgeStability(loop.latencies),
        samples_ms: loop.latencies.map(round),
      },
    });
  }
  if (task.profile) {
    await send({ kind: 'progress', phase: 'profile', done: 0, total: 1 });
    try {
      const [nodes, ...timedRuns] = await profileNodeShapes(
        task.modelFile,
        task.threads,
        initialFeeds,
        task.profileRuns ?? 1,
      );
      await send({ kind: 'profiled', nodes, timedRuns, onnxruntime: onnxruntimeVersion() });
    } catch (error) {
      const phase = error instanceof SessionFailure ? error.phase : 'internal';
      await send({ kind: 'failed', phase, message: (error as Error).message });
    }
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function serverFigures(
  task: MeasureTask,
  loop: LoopResult,
): Pick<Measurement, 'utilization' | 'unserved' | 'concurrency' | 'achieved_rate_qps'> {
  if (task.mode !== 'server' || loop.latencies.length === 0) return {};
  const concurrency = task.concurrency ?? 1;
  const meanServiceS = loop.busyMs / loop.latencies.length / 1000;
  const spanS = (loop.achievedSpanMs ?? loop.wallMs) / 1000;
  return {
    concurrency,
    // The share of the lanes' capacity the arrivals ask for: at 1 or more they cannot keep up.
    utilization: round(((task.rateQps ?? 0) * meanServiceS) / concurrency),
    achieved_rate_qps: spanS > 0 ? round(loop.latencies.length / spanS) : 0,
    ...(task.iterations === undefined ? { unserved: loop.unserved } : {}),
  };
}

function listen(parent: ParentChannel): void {
  const send = (message: ChildMessage): Promise<void> => parent.send(message);
  parent.onTask((task) => {
    runTask(task, send)
      .catch((error: unknown) =>
        send({ kind: 'failed', phase: 'internal', message: (error as Error).stack ?? String(error) }),
      )
      .finally(() => parent.close());
  });
}

if (isMainThread) listen(parentChannel(process as Parameters<typeof parentChannel>[0]));
else void serveLane(workerData as LaneSetup, parentPort!);
