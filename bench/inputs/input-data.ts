// Builds the values of input tensors from their plans, deterministically from the seed.
import type { InputKind, InputPlan } from './input-kinds';
import { type SeededRandom, seededRandom } from './seeded-random';

export type TensorValues = Float32Array | Float64Array | BigInt64Array | Int32Array | Uint8Array | Int8Array;

const elementCount = (shape: readonly number[]): number => shape.reduce((product, dim) => product * dim, 1);

/** `frames` distinct value sets for an input (audio streams advance; everything else repeats one set). */
export function inputFrames(plan: InputPlan, seed: number, frames: number): TensorValues[] {
  const random = seededRandom(seed ^ hashName(plan.name));
  if (plan.fill.kind !== 'audio') return [typed(plan.type, realValues(plan.fill, plan.shape, random))];
  const fill = plan.fill;
  const frameLength = elementCount(plan.shape);
  const signal = speechLikeSignal(frameLength * frames, fill.sampleRate, random);
  return Array.from({ length: frames }, (_, index) =>
    typed(plan.type, signal.subarray(index * frameLength, (index + 1) * frameLength)),
  );
}

function realValues(fill: InputKind, shape: readonly number[], random: SeededRandom): Float64Array {
  const values = new Float64Array(elementCount(shape));
  switch (fill.kind) {
    case 'image':
      return photoLikeImage(shape, fill.mean, fill.std, random);
    case 'fill':
      return values.fill(fill.value);
    case 'normal':
      for (let i = 0; i < values.length; i++) values[i] = random.normal();
      return values;
    case 'integers':
      for (let i = 0; i < values.length; i++) values[i] = Math.floor(random.next() * fill.max);
      return values;
    case 'audio':
      return speechLikeSignal(values.length, fill.sampleRate, random);
  }
}

// A light background with a brightness gradient, dark strokes (text-like, since these are OCR
// models), and sensor noise, quantised to 8-bit pixels: detection models behave differently on
// flat noise than on images with edges, and data-dependent kernels (Resize, activations) do too.
function photoLikeImage(
  shape: readonly number[],
  mean: readonly number[],
  std: readonly number[],
  random: SeededRandom,
): Float64Array {
  const [batch, channels, height, width] = shape.length === 4 ? shape : [1, 1, 1, elementCount(shape)];
  const out = new Float64Array(batch * channels * height * width);
  const _plane = height * width;
  for (let n = 0; n < batch; n++) {
    const strokes = Array.from({ length: 12 }, () => ({
      y: random.next() * height,
      x: random.next() * width,
      h: 2 + random.next() * height * 0.04,
      w: 10 + random.next() * width * 0.3,
    }));
    const tint = Array.from({ length: channels }, () => 180 + random.next() * 60);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const inStroke = strokes.some((s) => y >= s.y && y < s.y + s.h && x >= s.x && x < s.x + s.w);
        for (let c = 0; c < channels; c++) {
          const base = inStroke ? 30 : tint[c] * (0.8 + (0.2 * (x + y)) / (width + height));
          const pixel = Math.min(255, Math.max(0, Math.round(base + 8 * random.normal())));
          out[((n * channels + c) * height + y) * width + x] = (pixel / 255 - (mean[c] ?? 0)) / (std[c] ?? 1);
        }
      }
    }
  }
  return out;
}

// Voiced speech approximated as a few harmonics of a gliding pitch (100-220 Hz), amplitude-
// modulated at a syllable rate (~4 Hz) with pauses, plus background noise at about -40 dB: the
// VAD's state then sees both speech and silence as it would on a microphone stream.
function speechLikeSignal(length: number, sampleRate: number, random: SeededRandom): Float64Array {
  const out = new Float64Array(length);
  let phase = 0;
  const syllableHz = 3 + random.next() * 2;
  for (let i = 0; i < length; i++) {
    const t = i / sampleRate;
    const pitch = 160 + 60 * Math.sin(2 * Math.PI * 0.5 * t);
    phase += (2 * Math.PI * pitch) / sampleRate;
    const envelope =
      Math.max(0, Math.sin(2 * Math.PI * syllableHz * t)) ** 2 * (Math.sin(2 * Math.PI * 0.3 * t) > -0.3 ? 1 : 0);
    const voiced = 0.5 * Math.sin(phase) + 0.25 * Math.sin(2 * phase) + 0.12 * Math.sin(3 * phase);
    out[i] = Math.max(-1, Math.min(1, 0.6 * envelope * voiced + 0.01 * random.normal()));
  }
  return out;
}

function typed(type: string, values: ArrayLike<number>): TensorValues {
  switch (type) {
    case 'float32':
      return Float32Array.from(values);
    case 'float64':
      return Float64Array.from(values);
    case 'int64':
      return BigInt64Array.from(Array.from(values, (value) => BigInt(Math.round(value))));
    case 'int32':
      return Int32Array.from(values);
    case 'int8':
      return Int8Array.from(values);
    case 'uint8':
    case 'bool':
      return Uint8Array.from(values);
    default:
      throw new Error(`inputs of type ${type} are not supported`);
  }
}

function hashName(name: string): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619);
  return hash >>> 0;
}
