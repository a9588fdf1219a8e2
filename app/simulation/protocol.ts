// Messages between the renderer and the simulation worker.
import type { ScenarioResults } from '../../simulator/results';
import type { Scenario } from '../../simulator/scenario/schema';
import type { Fidelity } from '../store/simulation-slice';

export interface SimulationRequest {
  runId: number;
  fidelity: Fidelity;
  scenario: Scenario;
  /** Simulated requests per option; absent: the scenario's own (full fidelity). */
  requests?: number;
}

export type SimulationReply =
  | { runId: number; fidelity: Fidelity; ok: true; results: ScenarioResults; elapsedMs: number }
  | { runId: number; fidelity: Fidelity; ok: false; message: string };
