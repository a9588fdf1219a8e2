// The smallest model that runs: y = Identity(x), x a float tensor of one element. Timing it
// measures the runtime's own cost of a call (binding, tensors, the session's run) apart from any
// model's compute (runner/call-overhead.ts).
import { TRIVIAL_INPUT } from '../runner/call-overhead';
import { onnx } from './onnx-schema';

const FLOAT = 1;

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
      node: [{ opType: 'Identity', input: [TRIVIAL_INPUT], output: ['y'] }],
      input: [value(TRIVIAL_INPUT)],
      output: [value('y')],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
