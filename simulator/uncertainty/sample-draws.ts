// The parameter values and simulation seed of Monte Carlo sample i, derived from (seed, i)
// alone: the same seed and sample count give the same samples however they are spread over
// workers, and sample i is the same whether 10 or 1,000 samples are drawn.
import { RandomStream } from '../random/random-stream';
import { type UncertainParameter, valueAt } from './uncertain-value';

export function sampleValues(parameters: readonly UncertainParameter[], seed: number, sample: number): number[] {
  const random = new RandomStream(seed, 'monte-carlo-parameters', sample);
  return parameters.map((parameter) => valueAt(parameter, random.next()));
}

export function sampleSimulationSeed(seed: number, sample: number): number {
  return new RandomStream(seed, 'monte-carlo-simulation', sample).nextUint32();
}
