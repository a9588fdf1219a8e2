import { describe, expect, it } from 'vitest';
import { InputShapeError } from '../../../bench/errors';
import { parseShapeOption, resolveInputShapes } from '../../../bench/inspect/resolve-shapes';
import type { TensorSignature } from '../../../bench/onnx/tensor-signature';

const image: TensorSignature[] = [{ name: 'x', type: 'float32', shape: ['N', 3, 'H', 'W'] }];
const vad: TensorSignature[] = [
  { name: 'input', type: 'float32', shape: ['batch', 'sequence'] },
  { name: 'sr', type: 'int64', shape: [] },
  { name: 'h', type: 'float32', shape: [2, 'batch', 64] },
];

describe('resolveInputShapes', () => {
  it('lists every open dimension and what to write', () => {
    const attempt = () => resolveInputShapes('m.onnx', image, {});
    expect(attempt).toThrow(InputShapeError);
    expect(attempt).toThrow("input 'x' [N, 3, H, W]: N (axis 0), H (axis 2), W (axis 3); e.g. --shape x=N,3,N,N");
  });

  it('fills from defaults, lets --shape win, and sets the batch dimension everywhere it is named', () => {
    const shapes = resolveInputShapes('vad.onnx', vad, {
      defaults: { input: [1, 1536], sr: [], h: [2, 1, 64] },
      overrides: { input: [1, 512] },
      batch: 4,
    });
    expect(shapes).toEqual({ input: [4, 512], sr: [], h: [2, 4, 64] });
  });

  it('rejects a wrong rank, a fixed dimension changed, and an unknown input', () => {
    expect(() => resolveInputShapes('m.onnx', image, { overrides: { x: [1, 3, 64] } })).toThrow(
      "m.onnx: input 'x' has 4 dimensions [N, 3, H, W], --shape gave 3 (1,3,64)",
    );
    expect(() => resolveInputShapes('m.onnx', image, { overrides: { x: [1, 4, 64, 64] } })).toThrow(
      "input 'x' axis 1 is fixed at 3 by the model; --shape gave 4",
    );
    expect(() => resolveInputShapes('m.onnx', image, { overrides: { y: [1] } })).toThrow(
      "--shape names input 'y', but the model's inputs are x",
    );
  });

  it('refuses a batch size on a model whose batch dimension is fixed', () => {
    const fixed: TensorSignature[] = [{ name: 'x', type: 'float32', shape: [1, 3, 8, 8] }];
    expect(resolveInputShapes('m.onnx', fixed, { batch: 1 })).toEqual({ x: [1, 3, 8, 8] });
    expect(() => resolveInputShapes('m.onnx', fixed, { batch: 2 })).toThrow('has a fixed first dimension (1)');
  });

  it('treats an unnamed or negative first dimension as the batch, on the first axis only', () => {
    for (const open of ['?', -1]) {
      const inputs: TensorSignature[] = [{ name: 'x', type: 'float32', shape: [open, 3, open] }];
      // The last axis is open too, but it is not the batch: --batch leaves it to --shape.
      expect(resolveInputShapes('m.onnx', inputs, { overrides: { x: [1, 3, 320] }, batch: 4 })).toEqual({
        x: [4, 3, 320],
      });
      expect(() => resolveInputShapes('m.onnx', inputs, { batch: 4 })).toThrow(`${open} (axis 2)`);
    }
  });
});

describe('parseShapeOption', () => {
  it('parses NAME=d1,d2,... and a scalar NAME=', () => {
    expect(parseShapeOption('x=1,3,640,640')).toEqual(['x', [1, 3, 640, 640]]);
    expect(parseShapeOption('sr=')).toEqual(['sr', []]);
    expect(parseShapeOption('a=b=2,3')).toEqual(['a=b', [2, 3]]);
  });

  it('rejects what is not a shape', () => {
    expect(() => parseShapeOption('1,3,640')).toThrow('is not NAME=d1,d2,...');
    expect(() => parseShapeOption('x=1,three')).toThrow('dimensions must be positive integers');
    expect(() => parseShapeOption('x=0,3')).toThrow('dimensions must be positive integers');
  });
});
