// Messages between the renderer and the Monte Carlo worker.
import type { MonteCarloReport, MonteCarloSettings, UncertainScenario } from '../../simulator/uncertainty/index';

export interface UncertaintyRequest {
  uncertain: UncertainScenario;
  settings: MonteCarloSettings;
}

export type UncertaintyReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; report: MonteCarloReport }
  | { kind: 'failed'; message: string };
