// Formulas of operators the bundled models do not use, on shapes written out by hand.
import { describe, expect, it } from 'vitest';
import { type NodeExecution, nodeFlops } from '../../../bench/inspect/flop-formulas';
import { attribute } from './onnx-builder';

const execution = (
  opType: string,
  inputs: number[][],
  outputs: number[][],
  attributes: Record<string, number | number[] | string> = {},
): NodeExecution => ({
  opType,
  inputs,
  outputs,
  attributes: new Map(Object.entries(attributes).map(([name, value]) => [name, attribute(name, value)])),
});

describe('nodeFlops', () => {
  it('GRU: 3 gates of products over input and state, 2 bias adds, 7 operations per unit', () => {
    // X [seq 2, batch 3, input 5], Y [2, 2 directions, 3, hidden 4]
    // per step, direction and row: 2 x 12 x (5 + 4) = 216 + 2 x 12 = 24 + 7 x 4 = 28 -> 268
    expect(nodeFlops(execution('GRU', [[2, 3, 5]], [[2, 2, 3, 4]]))).toBe(2 * 3 * 2 * 268);
  });

  it('LSTM with layout 1 reads batch first', () => {
    // X [batch 3, seq 2, input 5], Y [batch 3, seq 2, 1 direction, hidden 4]: same work as seq-first
    const batchFirst = nodeFlops(execution('LSTM', [[3, 2, 5]], [[3, 2, 1, 4]], { layout: 1 }));
    const seqFirst = nodeFlops(execution('LSTM', [[2, 3, 5]], [[2, 1, 3, 4]]));
    expect(batchFirst).toBe(seqFirst);
    expect(seqFirst).toBe(2 * 3 * (2 * 16 * 9 + 2 * 16 + 9 * 4));
  });

  it('Gemm with transA takes K from A whatever its layout', () => {
    // A' is [K 6, M 2] transposed; Y [2, 3]: 6 outputs x 6 MACs x 2, no bias
    expect(
      nodeFlops(
        execution(
          'Gemm',
          [
            [6, 2],
            [6, 3],
          ],
          [[2, 3]],
          { transA: 1 },
        ),
      ),
    ).toBe(72);
  });

  it('MultiHeadAttention: Q·Kᵀ and weights·V plus the softmax over the scores', () => {
    // Q [batch 2, S 4, D 8], K [2, L 6, 8], 2 heads: products 2 x 2 x (2x4x6x8 = 384) = 1536; softmax 5 x 2x2x4x6 = 480
    const flops = nodeFlops(
      execution(
        'MultiHeadAttention',
        [
          [2, 4, 8],
          [2, 6, 8],
          [2, 6, 8],
        ],
        [[2, 4, 8]],
        { num_heads: 2 },
      ),
    );
    expect(flops).toBe(1536 + 480);
  });

  it('Attention (com.microsoft) adds the QKV projection to self-attention', () => {
    // X [1, S 3, 4], weights [4, 12]: projection 2 x 3 x 48 = 288; products 2 x 2 x 3x3x4 = 144; softmax 5 x 1x1x3x3 = 45
    expect(
      nodeFlops(
        execution(
          'Attention',
          [
            [1, 3, 4],
            [4, 12],
          ],
          [[1, 3, 4]],
        ),
      ),
    ).toBe(288 + 144 + 45);
  });

  it('nearest Resize moves data only', () => {
    expect(nodeFlops(execution('Resize', [[1, 1, 4, 4]], [[1, 1, 8, 8]], { mode: 'nearest' }))).toBe(0);
  });

  it('cubic Resize uses 4 taps per resized axis', () => {
    expect(nodeFlops(execution('Resize', [[1, 1, 4, 4]], [[1, 1, 8, 8]], { mode: 'cubic' }))).toBe(2 * 16 * 64);
  });

  it('returns null for a pool whose kernel is unknown and for an operator with no formula', () => {
    expect(nodeFlops(execution('MaxPool', [[1, 1, 4, 4]], [[1, 1, 2, 2]]))).toBeNull();
    expect(nodeFlops(execution('NonMaxSuppression', [[1, 4, 4]], [[2, 3]]))).toBeNull();
  });

  it('finds the weight and bias of quantized convolutions at their own input positions', () => {
    // QLinearConv inputs: x, x_scale, x_zp, w [4, 2, 3, 3], w_scale, w_zp, y_scale, y_zp, bias; Y [1, 4, 5, 5]
    const inputs = [[1, 2, 5, 5], [], [], [4, 2, 3, 3], [], [], [], [], [4]];
    expect(nodeFlops(execution('QLinearConv', inputs, [[1, 4, 5, 5]]))).toBe(2 * 100 * 18 + 100);
    // ConvInteger(x, w, x_zero_point): the third input is a zero point, not a bias
    expect(nodeFlops(execution('ConvInteger', [[1, 2, 5, 5], [4, 2, 3, 3], []], [[1, 4, 5, 5]]))).toBe(2 * 100 * 18);
  });

  it('counts LayerNormalization as 7 operations per element', () => {
    expect(nodeFlops(execution('LayerNormalization', [[2, 5, 8]], [[2, 5, 8]]))).toBe(7 * 80);
  });
});
