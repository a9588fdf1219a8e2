// Messages between the renderer and the simulation worker.
import type { OptionResult, ScenarioResults } from '../../simulator/results';
import type { Scenario } from '../../simulator/scenario/schema';
import type { Fidelity } from '../store/simulation-slice';

export interface SimulationRequest {
  runId: number;
  fidelity: Fidelity;
  scenario: Scenario;
  /** Simulated requests per option; absent: the scenario's own (full fidelity). */
  requests?: number;
  /**
   * The option the canvas shows: at preview fidelity it is simulated first and sent on its own,
   * so the figures on the drawing follow an edit before the other options are done.
   */
  focus?: string;
}

/** How far a run is: options simulated of the scenario's options, and the one now running. */
export interface SimulationProgress {
  done: number;
  total: number;
  option: string;
}

export type SimulationReply =
  | { runId: number; fidelity: Fidelity; ok: true; results: ScenarioResults; elapsedMs: number }
  | { runId: number; fidelity: Fidelity; ok: false; message: string }
  | { runId: number; fidelity: Fidelity; progress: SimulationProgress }
  | { runId: number; fidelity: Fidelity; focusResult: OptionResult };
