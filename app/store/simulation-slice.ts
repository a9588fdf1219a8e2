// The latest simulation results of the open scenario and how fresh they are.
import type { ScenarioResults } from '../../simulator/results';
import type { StoreSlice } from './slice';

export type Fidelity = 'preview' | 'full';

export interface SimulationUpdate {
  fidelity: Fidelity;
  results: ScenarioResults;
  elapsedMs: number;
}

export interface SimulationSlice {
  results: ScenarioResults | null;
  fidelity: Fidelity | null;
  simulating: boolean;
  simulationError: string | null;
  /** How long the last run took in the worker. */
  simulationMs: number | null;
  simulationStarted(): void;
  simulationFinished(update: SimulationUpdate, more: boolean): void;
  simulationFailed(message: string): void;
}

export const createSimulationSlice: StoreSlice<SimulationSlice> = (set) => ({
  results: null,
  fidelity: null,
  simulating: false,
  simulationError: null,
  simulationMs: null,
  simulationStarted() {
    set({ simulating: true });
  },
  simulationFinished(update, more) {
    set({
      results: update.results,
      fidelity: update.fidelity,
      simulationMs: update.elapsedMs,
      simulating: more,
      simulationError: null,
    });
  },
  simulationFailed(message) {
    set({ simulating: false, simulationError: message });
  },
});
