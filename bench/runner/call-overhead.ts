// onnxruntime's own cost of one call, apart from any model's compute: the trivial model
// (onnx/trivial-model.ts) run with the same session options and the same loop as the measured
// model, by the benchmark child with onnxruntime-node and by the device page with
// onnxruntime-web. Projection to other hardware scales only the rest of a measured latency by
// the hardware's roofline (README, "Where a model's time comes from"): this part does not speed
// up with FLOPS.
import { quantileSorted } from '../stats/latency-stats';
import { measureLoop } from './measure-loop';

/** The name of the trivial model's one input: a float32 tensor of shape [1]. */
export const TRIVIAL_INPUT = 'x';

const WARMUP = 20;
const RUNS = 200;

/** The median time of one call of `run` (a run of the trivial model), ms, after a warm-up. */
export async function medianCallMs(run: () => Promise<void>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await run();
  const { latencies } = await measureLoop({ mode: 'single-stream', iterations: RUNS, seed: 1 }, run);
  return quantileSorted(Float64Array.from(latencies).sort(), 0.5);
}
