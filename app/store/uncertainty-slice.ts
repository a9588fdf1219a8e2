// The Compare view's Monte Carlo study: running, finished, or failed, and the scenario it ran on.
import type { Scenario } from '../../simulator/scenario/schema';
import type { MonteCarloReport } from '../../simulator/uncertainty/index';
import type { StoreSlice } from './slice';

export type UncertaintyRun =
  /** `done` of `total` evaluations: the first `samples` are the samples, the rest the tornado's. */
  | { state: 'running'; done: number; total: number; samples: number }
  | { state: 'done'; report: MonteCarloReport }
  | { state: 'failed'; message: string };

export interface UncertaintySlice {
  uncertaintyRun: UncertaintyRun | null;
  /** The scenario the study ran on: a later edit makes it out of date. */
  uncertaintyScenario: Scenario | null;
  setUncertaintyRun(run: UncertaintyRun | null, scenario?: Scenario): void;
}

export const createUncertaintySlice: StoreSlice<UncertaintySlice> = (set) => ({
  uncertaintyRun: null,
  uncertaintyScenario: null,
  setUncertaintyRun: (uncertaintyRun, scenario) =>
    set(scenario ? { uncertaintyRun, uncertaintyScenario: scenario } : { uncertaintyRun }),
});
