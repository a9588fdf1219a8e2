// A small network whose every crossing tensor is known by hand, for the split tests:
//   x [1,2,8,8] float -> Conv 3x3 pad 1 -> a [1,4,8,8] -> Relu -> b -> MaxPool 2x2 -> c [1,4,4,4]
//   -> Conv 1x1 (weights from a Constant node) -> d [1,4,4,4] -> Add(c, d) -> e -> Cast float16
//   -> f [1,4,4,4] -> Cast float -> y. Outputs: y and c (a graph output made early, in the head).
import { onnx } from '../../../bench/onnx/onnx-schema';
import { type GraphSpec, node, valueInfo, weight } from './onnx-builder';

const FLOAT16 = 10;
const FLOAT = 1;

export const SPLIT_FIXTURE: GraphSpec = {
  nodes: [
    node('Conv', ['x', 'w1'], ['a'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1] }),
    node('Relu', ['a'], ['b']),
    node('MaxPool', ['b'], ['c'], { kernel_shape: [2, 2], strides: [2, 2] }),
    {
      opType: 'Constant',
      input: [],
      output: ['w2'],
      name: 'w2',
      attribute: [{ name: 'value', type: onnx.AttributeProto.AttributeType.TENSOR, t: weight('w2', [4, 4, 1, 1]) }],
    },
    node('Conv', ['c', 'w2'], ['d'], { kernel_shape: [1, 1] }),
    node('Add', ['c', 'd'], ['e']),
    node('Cast', ['e'], ['f'], { to: FLOAT16 }),
    node('Cast', ['f'], ['y'], { to: FLOAT }),
  ],
  inputs: [valueInfo('x', [1, 2, 8, 8])],
  outputs: [valueInfo('y', [1, 4, 4, 4]), valueInfo('c', [1, 4, 4, 4])],
  initializers: [weight('w1', [4, 2, 3, 3])],
};

/**
 * By hand, at x [1,2,8,8]: position -> crossing tensors and bytes. a and b are 4x8x8 floats
 * (1024 bytes), c, d and e 4x4x4 floats (256), f 4x4x4 float16 (128); x is 2x8x8 floats (512).
 * c is a graph output, so once made it crosses every cut but the last.
 */
export const FIXTURE_CROSSING: Record<number, { tensors: string[]; bytes: number }> = {
  0: { tensors: ['x'], bytes: 512 },
  1: { tensors: ['a'], bytes: 1024 },
  2: { tensors: ['b'], bytes: 1024 },
  3: { tensors: ['c'], bytes: 256 },
  4: { tensors: ['c', 'd'], bytes: 512 },
  5: { tensors: ['c', 'e'], bytes: 512 },
  6: { tensors: ['c', 'f'], bytes: 384 },
  7: { tensors: [], bytes: 0 },
};

/** Weights: w1 4x2x3x3 floats (288 bytes) read by node 0, w2 4x4x1x1 floats (64 bytes) by node 3. */
export const FIXTURE_WEIGHT_BYTES = { w1: 288, w2: 64 };
