// The latest simulation results of the open scenario and how fresh they are.
import type { OptionResult, ScenarioResults } from '../../simulator/results';
import type { SimulationProgress } from '../simulation/protocol';
import type { StoreSlice } from './slice';

export type Fidelity = 'preview' | 'full';

export interface SimulationUpdate {
  fidelity: Fidelity;
  results: ScenarioResults;
  elapsedMs: number;
}

export interface SimulationSlice {
  results: ScenarioResults | null;
  /**
   * The shown option's preview after an edit, ahead of the other options' (newer than its entry
   * in `results`); null once the whole preview arrives.
   */
  focusPreview: OptionResult | null;
  /** The results shown before the last edit, to show how each figure moved; null after opening a file. */
  resultsBeforeEdit: ScenarioResults | null;
  fidelity: Fidelity | null;
  simulating: boolean;
  /** How far the running full-fidelity run is; null when none runs or it has not reported yet. */
  simulationProgress: SimulationProgress | null;
  /** The user cancelled the full run of the latest edit: the results shown are its preview. */
  fullRunCancelled: boolean;
  simulationError: string | null;
  /** How long the last run took in the worker. */
  simulationMs: number | null;
  simulationStarted(): void;
  simulationFinished(update: SimulationUpdate, more: boolean): void;
  focusPreviewed(result: OptionResult): void;
  simulationFailed(message: string): void;
  simulationProgressed(progress: SimulationProgress): void;
  simulationCancelled(): void;
  /** An edit changed the scenario: the results now shown become the ones to compare against. */
  rememberResultsBeforeEdit(): void;
  forgetResultsBeforeEdit(): void;
}

export const createSimulationSlice: StoreSlice<SimulationSlice> = (set, get) => ({
  results: null,
  focusPreview: null,
  resultsBeforeEdit: null,
  fidelity: null,
  simulating: false,
  simulationProgress: null,
  fullRunCancelled: false,
  simulationError: null,
  simulationMs: null,
  simulationStarted() {
    set({ simulating: true, simulationProgress: null, fullRunCancelled: false });
  },
  simulationFinished(update, more) {
    set({
      results: update.results,
      focusPreview: null,
      fidelity: update.fidelity,
      simulationMs: update.elapsedMs,
      simulating: more,
      simulationProgress: null,
      simulationError: null,
    });
  },
  focusPreviewed(focusPreview) {
    set({ focusPreview });
  },
  simulationProgressed(simulationProgress) {
    set({ simulationProgress });
  },
  simulationCancelled() {
    set({ simulating: false, simulationProgress: null, fullRunCancelled: true });
  },
  simulationFailed(message) {
    set({ simulating: false, simulationProgress: null, simulationError: message, focusPreview: null });
  },
  rememberResultsBeforeEdit() {
    const { results } = get();
    if (results) set({ resultsBeforeEdit: results });
  },
  forgetResultsBeforeEdit() {
    set({ resultsBeforeEdit: null });
  },
});
