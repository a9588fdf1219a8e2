// Calibration: how fast this machine runs inference in general, measured on models other than
// the one benchmarked. A throughput derived from the benchmarked model itself (its FLOPs over
// its median) would make projection circular: the model's measured time would cancel out, and
// a model that is slow for its FLOPs would be projected as if it were typical.
import { listBundledModels } from '../models/list-bundled';
import { referenceResult } from '../projection/reference-result';
import type { BenchCalibration, BenchReport, BenchRequest } from '../report/bench-report';

/**
 * The convolutional OCR models: seconds of real work each, unlike the direction classifier
 * (a millisecond, mostly call overhead) or Silero VAD (a small LSTM), whose throughput says
 * more about per-call cost than about the machine.
 */
export const CALIBRATION_MODELS = ['paddleocr-det', 'paddleocr-rec'] as const;
const CALIBRATION_WARMUP = 1;
const CALIBRATION_RUNS = 3;

/** Measures one calibration model; `index` of `count` for progress. */
export type CalibrationRun = (
  request: BenchRequest,
  model: string,
  index: number,
  count: number,
) => Promise<BenchReport>;

export async function calibrateMachine(measured: BenchReport, run: CalibrationRun): Promise<BenchCalibration> {
  const { threads } = referenceResult(measured);
  // The benchmarked model is left out (by content, so a copy of a bundled file counts too).
  const models = listBundledModels().filter(
    (model) => (CALIBRATION_MODELS as readonly string[]).includes(model.id) && model.sha256 !== measured.model.sha256,
  );
  const entries: BenchCalibration['models'] = [];
  for (const [index, model] of models.entries()) {
    const request = {
      model: model.reference,
      threads: [threads],
      warmup: CALIBRATION_WARMUP,
      iterations: CALIBRATION_RUNS,
      seed: measured.seed,
    };
    const [result] = (await run(request, model.id, index, models.length)).results;
    entries.push({
      id: model.id,
      sha256: model.sha256,
      gflop: result.gflop,
      p50_ms: result.latency_ms.p50,
      ...(result.overhead_ms !== undefined ? { overhead_ms: result.overhead_ms } : {}),
      iterations: result.iterations,
      stable: result.stable,
    });
  }
  return { gflops: calibratedGflops(entries), threads, models: entries };
}

/**
 * Total work over total median compute time (each median less onnxruntime's per-call overhead,
 * which is no work): the throughput of a workload of one run of each model.
 */
export function calibratedGflops(models: readonly { gflop: number; p50_ms: number; overhead_ms?: number }[]): number {
  const gflop = models.reduce((sum, model) => sum + model.gflop, 0);
  const seconds = models.reduce((sum, model) => sum + model.p50_ms - (model.overhead_ms ?? 0), 0) / 1000;
  return Math.round((gflop / seconds) * 1000) / 1000;
}
