import { describe, expect, it } from 'vitest';
import { inputFrames } from '../../../bench/inputs/input-data';
import type { InputPlan } from '../../../bench/inputs/input-kinds';
import { bundledModel } from '../../../bench/models/bundled-models';
import { feedSequence } from '../../../bench/runner/onnx-session';

const det = bundledModel('paddleocr-det')!;
const vad = bundledModel('silero-vad')!;

describe('inputFrames', () => {
  const image: InputPlan = { name: 'x', type: 'float32', shape: [1, 3, 64, 64], fill: det.inputs.x };

  it('repeats exactly for a seed and changes with it', () => {
    const [a] = inputFrames(image, 7, 1);
    const [b] = inputFrames(image, 7, 1);
    const [c] = inputFrames(image, 8, 1);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('normalises 8-bit pixels with the ImageNet mean and deviation for detection', () => {
    const [values] = inputFrames(image, 1, 1) as Float32Array[];
    // Channel 0: (0 / 255 - 0.485) / 0.229 = -2.118 at the darkest, (1 - 0.485) / 0.229 = 2.249 at the brightest.
    const red = values.subarray(0, 64 * 64);
    expect(Math.min(...red)).toBeGreaterThanOrEqual(-2.118 - 1e-3);
    expect(Math.max(...red)).toBeLessThanOrEqual(2.249 + 1e-3);
    // Each value is a whole pixel level: (v * 0.229 + 0.485) * 255 is an integer.
    for (const v of red.subarray(0, 50)) {
      const pixel = (v * 0.229 + 0.485) * 255;
      expect(Math.abs(pixel - Math.round(pixel))).toBeLessThan(1e-3);
    }
  });

  it('streams audio as distinct consecutive frames within [-1, 1]', () => {
    const plan: InputPlan = { name: 'input', type: 'float32', shape: [1, 1536], fill: vad.inputs.input };
    const frames = inputFrames(plan, 1, 4) as Float32Array[];
    expect(frames).toHaveLength(4);
    expect(frames[0]).not.toEqual(frames[1]);
    for (const frame of frames) for (const sample of frame) expect(Math.abs(sample)).toBeLessThanOrEqual(1);
  });

  it('fills the sample rate as an int64 scalar', () => {
    const [sr] = inputFrames({ name: 'sr', type: 'int64', shape: [], fill: vad.inputs.sr }, 1, 1);
    expect(sr).toEqual(BigInt64Array.from([16000n]));
  });
});

describe('feedSequence', () => {
  const plans: InputPlan[] = Object.entries(vad.defaultShapes).map(([name, shape]) => ({
    name,
    type: name === 'sr' ? 'int64' : 'float32',
    shape: [...shape],
    fill: vad.inputs[name],
  }));

  it("feeds the VAD's state outputs back into h and c and advances the audio one frame per run", () => {
    const sequence = feedSequence(plans, { ...vad.recurrent }, 1);
    expect(sequence.feeds.h.dims).toEqual([2, 1, 64]);
    expect(sequence.feeds.sr.data).toEqual(BigInt64Array.from([16000n]));
    const firstFrame = sequence.feeds.input;
    const hn = { dims: [2, 1, 64] };
    const cn = { dims: [2, 1, 64] };
    sequence.advance({ output: {} as never, hn: hn as never, cn: cn as never });
    expect(sequence.feeds.h).toBe(hn);
    expect(sequence.feeds.c).toBe(cn);
    expect(sequence.feeds.input).not.toBe(firstFrame);
  });
});
