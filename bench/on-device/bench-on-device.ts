// `placewise bench --on-device`: the model's FLOPs and input plans are worked out here, a
// benchmark server hands them to a page that the target device's browser opens, and the one
// measurement it posts back becomes a results file like `placewise bench --out` writes.
import { BenchInputError } from '../errors';
import { inputPlans } from '../inputs/input-plans';
import { inspectModel } from '../inspect/inspect-model';
import { loadModel } from '../inspect/model-facts';
import { batchDimension, resolveInputShapes } from '../inspect/resolve-shapes';
import { trivialModelBytes } from '../onnx/trivial-model';
import {
  benchRequestProblem,
  DEFAULT_DEVICE_TIMEOUT_S,
  DEFAULT_ITERATIONS,
  DEFAULT_WARMUP,
  inputSizeProblem,
} from '../limits';
import type { BenchReport } from '../report/bench-report';
import { deviceBenchReport } from './device-report';
import type { DevicePlan } from './device-protocol';
import { type DeviceServer, startDeviceServer } from './device-server';

export interface OnDeviceRequest {
  /** An .onnx file or bundled:NAME. */
  model: string;
  shapes?: Record<string, number[]>;
  warmup?: number;
  iterations?: number;
  durationS?: number;
  seed?: number;
  /** Listen on the local network instead of 127.0.0.1 only. */
  lan?: boolean;
  timeoutS?: number;
}

export interface OnDeviceHooks {
  /** The server is up and waits for the device to open it. */
  onListening(server: Pick<DeviceServer, 'address' | 'port' | 'path'>): void;
  /** The device has opened the page, and is downloading and measuring the model. */
  onConnected?(): void;
  /** Stops the run (the server closes) and rejects it with the signal's reason. */
  signal?: AbortSignal;
}

/** The device ran the page but could not measure the model (its message says why). */
export class DeviceFailureError extends Error {}

export async function benchOnDevice(request: OnDeviceRequest, hooks: OnDeviceHooks): Promise<BenchReport> {
  const problem = benchRequestProblem(request);
  if (problem) throw new BenchInputError(`${request.model}: ${problem}`);
  const loaded = loadModel(request.model);
  const file = loaded.facts.file;
  const shape = resolveInputShapes(file, loaded.facts.inputs, {
    defaults: loaded.bundled?.defaultShapes,
    overrides: request.shapes,
  });
  const sizeProblem = inputSizeProblem(shape);
  if (sizeProblem) throw new BenchInputError(`${file}: ${sizeProblem}`);
  // FLOPs are counted here, with onnxruntime-node, at the shapes the device will run.
  const inspection = await inspectModel(request.model, shape);
  if (!inspection.flops) throw new BenchInputError(`${file}: FLOPs could not be counted at the given shapes`);
  const warmup = request.warmup ?? DEFAULT_WARMUP;
  const seed = request.seed ?? 1;
  const plan: DevicePlan = {
    model: request.model,
    inputs: inputPlans(loaded, shape),
    recurrent: { ...loaded.bundled?.recurrent },
    warmup,
    ...(request.durationS === undefined
      ? { iterations: request.iterations ?? DEFAULT_ITERATIONS }
      : { durationS: request.durationS }),
    seed,
    overheadModel: Buffer.from(trivialModelBytes()).toString('base64'),
  };
  hooks.signal?.throwIfAborted();
  const server = await startDeviceServer({
    plan,
    modelFile: file,
    lan: request.lan ?? false,
    timeoutS: request.timeoutS ?? DEFAULT_DEVICE_TIMEOUT_S,
    onConnected: hooks.onConnected,
  });
  try {
    hooks.onListening(server);
    const posted = await untilAborted(server.report, hooks.signal);
    if ('failure' in posted)
      throw new DeviceFailureError(`the device could not run ${request.model}: ${posted.failure}`);
    const first = loaded.facts.inputs[0];
    const batch = first && batchDimension(loaded.facts.inputs) !== undefined ? shape[first.name][0] : 1;
    return deviceBenchReport({
      inspection: { ...inspection, shape, flops: inspection.flops },
      batch,
      warmup,
      seed,
      measurement: posted.measurement,
    });
  } finally {
    await server.close();
  }
}

/** `promise`, or a rejection with the signal's reason once it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
