// Feeds for successive runs of a model, independent of the onnxruntime flavour (onnxruntime-node
// in a benchmark child, onnxruntime-web in a device's browser): audio advances by one frame per
// run, and recurrent state is fed back from the previous run's outputs.
import { inputFrames, type TensorValues } from './input-data';
import type { InputPlan } from './input-kinds';

export interface FeedSequence<Tensor> {
  feeds: Record<string, Tensor>;
  advance(outputs: Readonly<Record<string, unknown>>): void;
}

/** Makes a runtime tensor of an input's type from its values. */
export type TensorMaker<Tensor> = (type: string, data: TensorValues, shape: number[]) => Tensor;

/** Distinct audio frames cycled through: about 3 s of signal at 16 kHz and 1536-sample frames. */
const AUDIO_FRAMES = 32;

export function feedSequence<Tensor>(
  plans: InputPlan[],
  recurrent: Record<string, string>,
  seed: number,
  makeTensor: TensorMaker<Tensor>,
): FeedSequence<Tensor> {
  const frames = new Map<string, Tensor[]>();
  for (const plan of plans) {
    const count = plan.fill.kind === 'audio' ? AUDIO_FRAMES : 1;
    const values = inputFrames(plan, seed, count);
    frames.set(
      plan.name,
      values.map((data) => makeTensor(plan.type, data, plan.shape)),
    );
  }
  const feeds: Record<string, Tensor> = {};
  for (const [name, tensors] of frames) feeds[name] = tensors[0];
  let run = 0;
  return {
    feeds,
    advance(outputs) {
      run++;
      for (const [name, tensors] of frames) if (tensors.length > 1) feeds[name] = tensors[run % tensors.length];
      for (const [input, output] of Object.entries(recurrent)) {
        const state = outputs[output];
        if (state) feeds[input] = state as Tensor;
      }
    },
  };
}
