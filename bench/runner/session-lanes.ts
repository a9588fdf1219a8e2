// The lanes of server and offline modes: one worker thread per run in flight, each with its own
// onnxruntime session, inside the benchmark child. `session.run` blocks its thread, so runs
// overlap only on separate threads; the child's main thread keeps the arrival schedule (server)
// or hands out the queued batches (offline) and stays responsive.
// The worker side runs the same bundled entry as the child (child.ts starts it off the main thread).
import { Worker } from 'node:worker_threads';
import ort from 'onnxruntime-node';
import type { InputPlan } from '../inputs/input-kinds';
import { feedSequence, SessionFailure } from './onnx-session';

/** What each lane's worker gets: enough to open its own session and make its own feeds. */
export interface LaneSetup {
  modelFile: string;
  sessionOptions: ort.InferenceSession.SessionOptions;
  inputs: InputPlan[];
  recurrent: Record<string, string>;
  seed: number;
  warmup: number;
}

type LaneMessage =
  | { kind: 'ready'; load_ms: number; first_run_ms: number }
  | { kind: 'done' }
  | { kind: 'failed'; phase: SessionFailure['phase']; message: string };

export interface Lanes {
  /** Per lane, the slowest lane's session creation and first run (ms). */
  load_ms: number;
  first_run_ms: number;
  run(lane: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts `count` lanes from `entry` (the child's bundle) and waits until each has warmed up. */
export async function startLanes(entry: URL, setup: LaneSetup, count: number): Promise<Lanes> {
  const workers = Array.from({ length: count }, () => new Worker(entry, { workerData: setup }));
  const next = (worker: Worker) =>
    new Promise<LaneMessage>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      worker.once('error', onError);
      worker.once('message', (message: LaneMessage) => {
        worker.off('error', onError);
        resolve(message);
      });
    });
  const close = async () => {
    await Promise.all(workers.map((worker) => worker.terminate()));
  };
  const expect = async (worker: Worker, kind: LaneMessage['kind']) => {
    const message = await next(worker);
    if (message.kind === 'failed') throw new SessionFailure(message.phase, message.message);
    if (message.kind !== kind) throw new Error(`a benchmark lane sent '${message.kind}', not '${kind}'`);
    return message;
  };
  try {
    const ready = await Promise.all(workers.map((worker) => expect(worker, 'ready')));
    return {
      load_ms: Math.max(...ready.map((message) => (message.kind === 'ready' ? message.load_ms : 0))),
      first_run_ms: Math.max(...ready.map((message) => (message.kind === 'ready' ? message.first_run_ms : 0))),
      run: async (lane) => {
        const worker = workers[lane];
        const done = expect(worker, 'done');
        worker.postMessage('run');
        await done;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The worker side: opens the session, warms it up, then runs once per 'run' message. */
export async function serveLane(
  setup: LaneSetup,
  port: { postMessage(message: LaneMessage): void; on(event: 'message', listener: () => void): unknown },
): Promise<void> {
  const sequence = feedSequence(setup.inputs, setup.recurrent, setup.seed);
  const loadStart = performance.now();
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(setup.modelFile, setup.sessionOptions);
  } catch (error) {
    return port.postMessage({ kind: 'failed', phase: 'load', message: (error as Error).message });
  }
  const load_ms = performance.now() - loadStart;
  const infer = async () => sequence.advance(await session.run(sequence.feeds));
  const firstStart = performance.now();
  try {
    await infer();
    const first_run_ms = performance.now() - firstStart;
    for (let i = 0; i < setup.warmup; i++) await infer();
    port.postMessage({ kind: 'ready', load_ms, first_run_ms });
  } catch (error) {
    return port.postMessage({ kind: 'failed', phase: 'run', message: (error as Error).message });
  }
  port.on('message', () => {
    infer().then(
      () => port.postMessage({ kind: 'done' }),
      (error: unknown) => port.postMessage({ kind: 'failed', phase: 'run', message: (error as Error).message }),
    );
  });
}
