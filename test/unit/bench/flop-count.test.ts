// FLOP formulas pinned end to end: tiny models built here, run once under onnxruntime's profiler
// in a child process (inspectModel), every expected figure worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import type { ModelInspection } from '../../../bench/inspect/inspect-model';
import { inspectModel } from '../../../bench/inspect/inspect-model';
import { type NodeProto, onnx } from '../../../bench/onnx/onnx-schema';
import { graph, int64Tensor, node, valueInfo, weight, writeModel } from './onnx-builder';

// Each file is inspected once (a child process run) and shared by the tests that read it.
const inspections = new Map<string, Promise<ModelInspection>>();
function inspectOnce(file: string): Promise<ModelInspection> {
  if (!inspections.has(file)) inspections.set(file, inspectModel(file));
  return inspections.get(file)!;
}

describe('FLOPs of a small CNN at its concrete shape', () => {
  // x [1,3,16,16] -> Conv 3x3 (8 out, pad 1) -> BatchNorm -> Relu -> MaxPool 2x2/2 -> depthwise Conv 3x3
  // -> AveragePool 3x3/1 (pad 1) -> GlobalAveragePool -> Flatten -> Gemm (10 out, transB) -> Softmax
  const file = writeModel('cnn.onnx', {
    nodes: [
      node('Conv', ['x', 'w1', 'b1'], ['c1'], { pads: [1, 1, 1, 1] }),
      node('BatchNormalization', ['c1', 'scale', 'shift', 'mean', 'var'], ['bn']),
      node('Relu', ['bn'], ['r']),
      node('MaxPool', ['r'], ['mp'], { kernel_shape: [2, 2], strides: [2, 2] }),
      node('Conv', ['mp', 'w2'], ['dw'], { group: 8, pads: [1, 1, 1, 1] }),
      node('AveragePool', ['dw'], ['ap'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1] }),
      node('GlobalAveragePool', ['ap'], ['gap']),
      node('Flatten', ['gap'], ['flat']),
      node('Gemm', ['flat', 'w3', 'b3'], ['logits'], { transB: 1 }),
      node('Softmax', ['logits'], ['y']),
    ],
    inputs: [valueInfo('x', [1, 3, 16, 16])],
    outputs: [valueInfo('y')],
    initializers: [
      weight('w1', [8, 3, 3, 3]),
      weight('b1', [8]),
      weight('scale', [8]),
      weight('shift', [8]),
      weight('mean', [8]),
      { ...weight('var', [8]), floatData: Array(8).fill(1) },
      weight('w2', [8, 1, 3, 3]),
      weight('w3', [10, 8]),
      weight('b3', [10]),
    ],
  });

  it('counts each operator by its formula', async () => {
    const inspection = await inspectOnce(file);
    expect(inspection.flops?.by_op).toEqual({
      // c1: 8x16x16 = 2048 outputs x (3x3x3 = 27 MACs) x 2 + 2048 bias adds = 112640;
      // dw: 8x8x8 = 512 outputs x (1x3x3 = 9 MACs) x 2 = 9216
      Conv: 112640 + 9216,
      BatchNormalization: 2 * 2048,
      Relu: 2048,
      MaxPool: 512 * 4,
      AveragePool: 512 * 9,
      GlobalAveragePool: 512,
      // [1,8] x [8,10]: 10 outputs x 8 MACs x 2 + 10 bias adds
      Gemm: 170,
      Softmax: 5 * 10,
    });
    expect(inspection.flops?.total).toBe(135388);
    expect(inspection.uncounted_ops).toEqual([]);
  });

  it('counts the parameters of every initializer', async () => {
    const inspection = await inspectOnce(file);
    // 8x3x3x3 = 216 + 8 (conv 1) + 4 x 8 (batch norm) + 8x1x3x3 = 72 (depthwise) + 80 + 10 (gemm)
    expect(inspection.params).toBe(418);
    expect(inspection.shape).toEqual({ x: [1, 3, 16, 16] });
  });
});

describe('FLOPs of recurrent, matrix, transposed-convolution and resize operators', () => {
  const file = writeModel('sequence.onnx', {
    nodes: [
      node('LSTM', ['s', 'lw', 'lr', 'lb'], ['seq_out'], { hidden_size: 6 }),
      node('MatMul', ['m', 'mw'], ['mm']),
      node('ConvTranspose', ['t', 'tw'], ['up'], { strides: [2, 2] }),
      node('Resize', ['r', '', 'scales'], ['resized'], { mode: 'linear' }),
      node('Einsum', ['e1', 'e2'], ['ein'], { equation: 'ij,jk->ik' }),
    ],
    inputs: [
      valueInfo('s', [5, 1, 4]),
      valueInfo('m', [2, 3, 4, 5]),
      valueInfo('t', [1, 2, 4, 4]),
      valueInfo('r', [1, 1, 4, 4]),
      valueInfo('e1', [2, 3]),
      valueInfo('e2', [3, 4]),
    ],
    outputs: [valueInfo('seq_out'), valueInfo('mm'), valueInfo('up'), valueInfo('resized'), valueInfo('ein')],
    initializers: [
      weight('lw', [1, 24, 4]),
      weight('lr', [1, 24, 6]),
      weight('lb', [1, 48]),
      weight('mw', [5, 7]),
      weight('tw', [2, 3, 3, 3]),
      { name: 'scales', dims: [4], dataType: 1, floatData: [1, 1, 2, 2] },
    ],
  });

  it('counts LSTM, batched MatMul, ConvTranspose and linear Resize, and lists what it cannot count', async () => {
    const inspection = await inspectOnce(file);
    expect(inspection.flops?.by_op).toEqual({
      // per step: 2 x (4 gates x 6 units) x (4 inputs + 6 state) = 480 for the gate products,
      // + 2 x 24 = 48 bias adds, + 9 x 6 = 54 cell operations: 582, over 5 steps
      LSTM: 2910,
      // [2,3,4,5] x [5,7] -> 168 outputs x 5 MACs x 2
      MatMul: 1680,
      // every one of 2x4x4 = 32 inputs scatters over 3 x 3x3 = 27 outputs: 32 x 27 x 2
      ConvTranspose: 1728,
      // 8x8 = 64 outputs, 2 resized axes -> 2x2 = 4 taps, one multiply-add each
      Resize: 512,
    });
    expect(inspection.uncounted_ops).toEqual(['Einsum']);
  });
});

describe('control flow and constants', () => {
  const constant: NodeProto = {
    opType: 'Constant',
    output: ['k'],
    name: 'k',
    attribute: [{ name: 'value', type: onnx.AttributeProto.AttributeType.TENSOR, t: weight('kv', [2, 4]) }],
  };
  const file = writeModel('branches.onnx', {
    nodes: [
      constant,
      node('If', ['cond'], ['branch'], {
        then_branch: graph(
          {
            nodes: [node('MatMul', ['a', 'big'], ['then_out'])],
            inputs: [],
            outputs: [valueInfo('then_out')],
            initializers: [weight('big', [4, 4])],
          },
          'then',
        ),
        else_branch: graph(
          { nodes: [node('Relu', ['a'], ['else_out'])], inputs: [], outputs: [valueInfo('else_out')] },
          'else',
        ),
      }),
      node('Add', ['branch', 'k'], ['y']),
    ],
    inputs: [valueInfo('cond', [], 9), valueInfo('a', [2, 4])],
    outputs: [valueInfo('y')],
    initializers: [int64Tensor('unused_ids', [1, 2, 3])],
  });

  it('counts only the branch that ran', async () => {
    // The benchmark fills a bool input with false, so the else branch (Relu) runs, not the MatMul.
    const inspection = await inspectOnce(file);
    expect(inspection.flops?.by_op).toEqual({ Relu: 8, Add: 8 });
  });

  it('counts Constant tensors and subgraph initializers as parameters', async () => {
    const inspection = await inspectOnce(file);
    // 3 (main initializer) + 8 (Constant) + 16 (then-branch initializer)
    expect(inspection.params).toBe(27);
  });
});
