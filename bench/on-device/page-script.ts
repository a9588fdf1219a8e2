// The benchmark page's script, run in the target device's browser (built into dist/device-page.mjs by scripts/bundle-cli.mjs).
// It fetches its plan and the model from the server that served it, runs the model with
// onnxruntime-web (WebGPU where the browser has a GPU adapter, else WebAssembly, multi-threaded
// when the page is cross-origin isolated), measures it as `placewise bench` measures a
// single stream, and posts the latencies back once. Every URL is relative to the page's own, so
// each request carries the page's one-time token.
import type * as Ort from 'onnxruntime-web';
import { feedSequence } from '../inputs/feed-sequence';
import { medianCallMs, TRIVIAL_INPUT } from '../runner/call-overhead';
import { measureLoop } from '../runner/measure-loop';
import type { DeviceMeasurement, DevicePlan, DeviceReport } from './device-protocol';
import { ORT_BUILDS } from './ort-files';

type OrtModule = typeof Ort;
type ExecutionProvider = DeviceMeasurement['executionProvider'];
interface WebGpuNavigator {
  gpu?: { requestAdapter(): Promise<unknown> };
  deviceMemory?: number;
}

const status = document.getElementById('status')!;
const say = (text: string): void => {
  status.textContent = text;
};
const here = (path: string): string => new URL(path, location.href).href;

async function fetchOk(path: string): Promise<Response> {
  const response = await fetch(here(path), { cache: 'no-store' });
  if (!response.ok) throw new Error(`${path}: the server answered ${response.status}`);
  return response;
}

/** WebGPU where the browser has an adapter for it (requestAdapter resolves to null where it has none). */
async function hasWebGpu(): Promise<boolean> {
  const gpu = (navigator as WebGpuNavigator).gpu;
  return Boolean(gpu && (await gpu.requestAdapter().catch(() => null)));
}

async function createSession(
  ort: OrtModule,
  model: Uint8Array,
  webgpu: boolean,
): Promise<{ session: Ort.InferenceSession; executionProvider: ExecutionProvider }> {
  const options = { graphOptimizationLevel: 'all' } as const;
  if (webgpu) {
    try {
      const session = await ort.InferenceSession.create(model, { ...options, executionProviders: ['webgpu'] });
      return { session, executionProvider: 'webgpu' };
    } catch {
      // An operator or the adapter failed: the WebGPU build runs WebAssembly too, which runs every model.
    }
  }
  const session = await ort.InferenceSession.create(model, { ...options, executionProviders: ['wasm'] });
  return { session, executionProvider: 'wasm' };
}

/** The trivial model's median run on the same execution provider: the runtime's cost of a call. */
async function callOverhead(ort: OrtModule, base64: string, executionProvider: ExecutionProvider): Promise<number> {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const { session } = await createSession(ort, bytes, executionProvider === 'webgpu');
  const feeds = { [TRIVIAL_INPUT]: new ort.Tensor('float32', new Float32Array(1), [1]) };
  const overhead = await medianCallMs(async () => {
    await session.run(feeds);
  });
  await session.release();
  return overhead;
}

async function measure(): Promise<DeviceMeasurement> {
  const plan = (await (await fetchOk('plan.json')).json()) as DevicePlan;
  say(`Loading onnxruntime-web for ${plan.model}…`);
  const webgpu = await hasWebGpu();
  const ort = (await import(here(`ort/${ORT_BUILDS[webgpu ? 'webgpu' : 'wasm'].module}`))) as OrtModule;
  ort.env.wasm.wasmPaths = here('ort/');
  // Worker threads need SharedArrayBuffer, which only a cross-origin isolated page has.
  const threads = crossOriginIsolated ? navigator.hardwareConcurrency : 1;
  ort.env.wasm.numThreads = threads;
  say(`Downloading ${plan.model}…`);
  const model = new Uint8Array(await (await fetchOk('model.onnx')).arrayBuffer());
  say(`Loading ${plan.model}…`);
  const loadStart = performance.now();
  const { session, executionProvider } = await createSession(ort, model, webgpu);
  const load_ms = performance.now() - loadStart;
  const sequence = feedSequence(
    plan.inputs,
    plan.recurrent,
    plan.seed,
    (type, data, shape) => new ort.Tensor(type as Ort.Tensor.Type, data, shape),
  );
  const infer = async (): Promise<void> => sequence.advance(await session.run(sequence.feeds));
  const firstStart = performance.now();
  await infer();
  const first_run_ms = performance.now() - firstStart;
  for (let i = 0; i < plan.warmup; i++) {
    say(`Warming up (${executionProvider}): ${i + 1}/${plan.warmup}`);
    await infer();
  }
  const loop = await measureLoop(
    { mode: 'single-stream', iterations: plan.iterations, durationS: plan.durationS, seed: plan.seed },
    infer,
    undefined,
    (done, total) => say(`Measuring (${executionProvider}): ${Math.round((100 * done) / total)}%`),
  );
  await session.release();
  say(`Measuring onnxruntime-web's per-call overhead (${executionProvider})…`);
  const overhead_ms = await callOverhead(ort, plan.overheadModel, executionProvider);
  return {
    onnxruntime: ort.env.versions.web ?? ort.env.versions.common,
    executionProvider,
    threads: executionProvider === 'wasm' ? threads : 1,
    crossOriginIsolated,
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    ...((navigator as WebGpuNavigator).deviceMemory
      ? { deviceMemoryGb: (navigator as WebGpuNavigator).deviceMemory }
      : {}),
    load_ms,
    first_run_ms,
    measure_ms: loop.wallMs,
    latencies_ms: loop.latencies,
    overhead_ms,
  };
}

async function post(report: DeviceReport): Promise<void> {
  const response = await fetch(here('result'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(report),
  });
  if (!response.ok) throw new Error(`the server refused the result (${response.status})`);
}

measure()
  .then(async (measurement) => {
    say('Sending the result…');
    await post({ measurement });
    say('Done: the result is with placewise. You can close this page.');
  })
  .catch(async (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    say(`Failed: ${message}`);
    await post({ failure: message.slice(0, 2000) }).catch(() => undefined);
  });
