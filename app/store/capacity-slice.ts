// The Capacity view's load sweep: running, finished, or failed, and the scenario it was run on.
import type { CapacitySweep } from '../../simulator/capacity/index';
import type { Scenario } from '../../simulator/scenario/schema';
import type { StoreSlice } from './slice';

export type CapacityRun =
  | { state: 'running'; done: number; total: number }
  | { state: 'done'; sweep: CapacitySweep }
  | { state: 'failed'; message: string };

export interface CapacitySlice {
  capacityRun: CapacityRun | null;
  /** The scenario the sweep ran on: a later edit makes the sweep out of date. */
  capacityScenario: Scenario | null;
  setCapacityRun(run: CapacityRun | null, scenario?: Scenario): void;
}

export const createCapacitySlice: StoreSlice<CapacitySlice> = (set) => ({
  capacityRun: null,
  capacityScenario: null,
  setCapacityRun: (capacityRun, scenario) =>
    set(scenario ? { capacityRun, capacityScenario: scenario } : { capacityRun }),
});
