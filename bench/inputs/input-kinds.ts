// How each model input is filled. Bundled models get data shaped like what they see in use
// (a normalised photo, a stream of speech-like audio, the sample rate); any other model gets
// seeded noise of its input's type.

export type InputKind =
  /** An NCHW image of 0-255 pixels, scaled to [0, 1] then normalised per channel: (v - mean) / std. */
  | { kind: 'image'; mean: readonly number[]; std: readonly number[] }
  /** Consecutive frames of a speech-like signal in [-1, 1], one frame per run. */
  | { kind: 'audio'; sampleRate: number }
  /** A constant scalar or tensor filled with one value (a sample rate, an initial state of zeros). */
  | { kind: 'fill'; value: number }
  /** Standard normal noise (floats). */
  | { kind: 'normal' }
  /** Integers uniform in [0, max) (token ids and the like). */
  | { kind: 'integers'; max: number };

export interface InputPlan {
  name: string;
  /** onnxruntime tensor type, e.g. float32, int64. */
  type: string;
  shape: number[];
  fill: InputKind;
}

export function defaultInputKind(type: string): InputKind {
  if (type.startsWith('float') || type === 'bfloat16') return { kind: 'normal' };
  if (type === 'bool') return { kind: 'fill', value: 0 };
  return { kind: 'integers', max: 100 };
}
