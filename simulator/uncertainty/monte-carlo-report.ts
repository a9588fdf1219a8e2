// What a Monte Carlo study reports (the `monte_carlo` and `sensitivity` of the results JSON).
// Types alone, apart from the planning code, so that the results schema is generated from them
// without reading the scenario's definition.
import type { MonteCarloOption } from './monte-carlo-summary';
import type { TornadoBar } from './tornado';

export interface UncertainParameterReport {
  parameter: string;
  nominal: number;
  low: number;
  high: number;
  /** As written: `{ range: [a, b] }` or `{ uncertain: DISTRIBUTION }`. */
  spread: unknown;
}

export interface MonteCarloReport {
  monte_carlo: {
    samples: number;
    seed: number;
    requests_per_sample: number;
    parameters: UncertainParameterReport[];
    options: MonteCarloOption[];
  };
  sensitivity: TornadoBar[];
}
