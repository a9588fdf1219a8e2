// What the benchmark server and the page in the device's browser exchange: the plan the page is
// given (GET plan.json) and the one measurement it posts back (POST result). The posted body
// comes from whatever opened the URL, so the server checks it field by field before using it.
import * as z from 'zod';
import type { InputPlan } from '../inputs/input-kinds';

export interface DevicePlan {
  /** What the page shows while it works, e.g. bundled:paddleocr-cls. */
  model: string;
  inputs: InputPlan[];
  /** input name -> output name fed back into it from the second run on. */
  recurrent: Record<string, string>;
  warmup: number;
  /** Stop after this many measured runs, or (when absent) after durationS. */
  iterations?: number;
  durationS?: number;
  seed: number;
  /** The trivial model (onnx/trivial-model.ts), base64: timed after the model for the per-call overhead. */
  overheadModel: string;
}

export const EXECUTION_PROVIDERS = ['webgpu', 'wasm'] as const;

/** Bounds a posted measurement must keep: a result cannot be larger than the plan allows. */
export const MAX_POSTED_SAMPLES = 100_000;
export const MAX_RESULT_BYTES = 4_000_000;

const milliseconds = z.number().finite().nonnegative();

export const deviceMeasurementSchema = z.strictObject({
  /** onnxruntime-web's version (ort.env.versions.web). */
  onnxruntime: z.string().max(40),
  executionProvider: z.enum(EXECUTION_PROVIDERS),
  /** WebAssembly threads (1 unless the page is cross-origin isolated). */
  threads: z.number().int().min(1).max(1024),
  crossOriginIsolated: z.boolean(),
  userAgent: z.string().max(1000),
  hardwareConcurrency: z.number().int().min(1).max(1024),
  /** navigator.deviceMemory (GB, rounded and capped by the browser), where the browser tells it. */
  deviceMemoryGb: z.number().positive().max(1e4).optional(),
  load_ms: milliseconds,
  first_run_ms: milliseconds,
  /** Wall time of the measured phase, ms. */
  measure_ms: milliseconds,
  latencies_ms: z.array(z.number().finite().positive()).min(1).max(MAX_POSTED_SAMPLES),
  /** onnxruntime-web's per-call overhead: the trivial model's median run, ms. */
  overhead_ms: milliseconds.optional(),
});

export type DeviceMeasurement = z.infer<typeof deviceMeasurementSchema>;

/** What the page posts: its measurement, or why it could not measure. */
export const deviceReportSchema = z.union([
  z.strictObject({ measurement: deviceMeasurementSchema }),
  z.strictObject({ failure: z.string().max(2000) }),
]);

export type DeviceReport = z.infer<typeof deviceReportSchema>;
