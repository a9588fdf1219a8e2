// Entry of a benchmark child process (bundled to dist/bench-child.mjs). It receives one
// MeasureTask, loads the model, measures, optionally profiles node shapes, reports, and exits:
// a fresh process per configuration, so that one configuration's threads, allocator arenas and
// caches do not disturb the next.
import ort from 'onnxruntime-node';
import { roundSummary, summarizeLatencies } from '../stats/latency-stats';
import { judgeStability } from '../stats/stability';
import { type LoopResult, measureLoop } from './measure-loop';
import {
  feedSequence,
  measurementSessionOptions,
  onnxruntimeVersion,
  profileNodeShapes,
  SessionFailure,
} from './onnx-session';
import { parentChannel } from './parent-channel';
import type { ChildMessage, MeasureTask, Measurement } from './protocol';

const parent = parentChannel(process as Parameters<typeof parentChannel>[0]);
const send = (message: ChildMessage): Promise<void> => parent.send(message);

async function runTask(task: MeasureTask): Promise<void> {
  const sessionOptions = measurementSessionOptions(task.threads);
  const sequence = feedSequence(task.inputs, task.recurrent, task.seed);
  const initialFeeds = { ...sequence.feeds };
  if (task.measure) {
    await send({ kind: 'progress', phase: 'load', done: 0, total: 1 });
    const loadStart = performance.now();
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(task.modelFile, sessionOptions);
    } catch (error) {
      await send({ kind: 'failed', phase: 'load', message: (error as Error).message });
      return;
    }
    const load_ms = performance.now() - loadStart;
    const infer = async () => sequence.advance(await session.run(sequence.feeds));
    const firstStart = performance.now();
    try {
      await infer();
    } catch (error) {
      await send({ kind: 'failed', phase: 'run', message: (error as Error).message });
      return;
    }
    const first_run_ms = performance.now() - firstStart;
    for (let i = 0; i < task.warmup; i++) {
      await infer();
      await send({ kind: 'progress', phase: 'warmup', done: i + 1, total: task.warmup });
    }
    const loop = await measureLoop(task, infer, undefined, (done, total) => {
      void send({ kind: 'progress', phase: 'measure', done, total });
    });
    const peak_rss_mb = (process.resourceUsage().maxRSS * 1024) / 1e6;
    await session.release();
    const measure_s = loop.wallMs / 1000;
    await send({
      kind: 'measured',
      onnxruntime: onnxruntimeVersion(),
      sessionOptions: { ...sessionOptions },
      measurement: {
        load_ms: round(load_ms),
        first_run_ms: round(first_run_ms),
        warmup: task.warmup,
        iterations: loop.latencies.length,
        measure_s: round(measure_s),
        latency_ms: roundSummary(summarizeLatencies(loop.latencies)),
        throughput_ips: measure_s > 0 ? round((loop.latencies.length * task.batch) / measure_s) : 0,
        peak_rss_mb: round(peak_rss_mb),
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

function serverFigures(task: MeasureTask, loop: LoopResult): Pick<Measurement, 'utilization' | 'unserved'> {
  if (task.mode !== 'server' || loop.latencies.length === 0) return {};
  const meanServiceS = loop.busyMs / loop.latencies.length / 1000;
  return {
    utilization: round((task.rateQps ?? 0) * meanServiceS),
    ...(task.iterations === undefined ? { unserved: loop.unserved } : {}),
  };
}

parent.onTask((task) => {
  runTask(task)
    .catch((error: unknown) =>
      send({ kind: 'failed', phase: 'internal', message: (error as Error).stack ?? String(error) }),
    )
    .finally(() => parent.close());
});
