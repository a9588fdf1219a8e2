// onnxruntime's own cost of one call, apart from any model's compute: a trivial model (one
// Identity on a single float) run the same way as the benchmarked one, with the same session
// options and loop. Projection to other hardware scales only the rest of a measured latency by
// the hardware's roofline (README, "Where a model's time comes from"): this part is binding,
// tensor and session-run bookkeeping, which does not speed up with FLOPS.
import ort from 'onnxruntime-node';
import { onnx } from '../onnx/onnx-schema';
import { quantileSorted } from '../stats/latency-stats';
import { measureLoop } from './measure-loop';

const FLOAT = 1;
const WARMUP = 20;
const RUNS = 200;

/** The smallest model that runs: y = Identity(x), x a float tensor of one element. */
export function trivialModelBytes(): Uint8Array {
  const value = (name: string) => ({
    name,
    type: { tensorType: { elemType: FLOAT, shape: { dim: [{ dimValue: 1 }] } } },
  });
  const model = onnx.ModelProto.fromObject({
    irVersion: 8,
    producerName: 'placewise',
    opsetImport: [{ domain: '', version: 17 }],
    graph: {
      name: 'call-overhead',
      node: [{ opType: 'Identity', input: ['x'], output: ['y'] }],
      input: [value('x')],
      output: [value('y')],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

/** The median time of one `session.run` of the trivial model, ms. */
export async function measureCallOverhead(sessionOptions: ort.InferenceSession.SessionOptions): Promise<number> {
  const session = await ort.InferenceSession.create(trivialModelBytes(), sessionOptions);
  const feeds = { x: new ort.Tensor('float32', new Float32Array(1), [1]) };
  const infer = async () => {
    await session.run(feeds);
  };
  for (let i = 0; i < WARMUP; i++) await infer();
  const { latencies } = await measureLoop({ mode: 'single-stream', iterations: RUNS, seed: 1 }, infer);
  await session.release();
  return quantileSorted(Float64Array.from(latencies).sort(), 0.5);
}
