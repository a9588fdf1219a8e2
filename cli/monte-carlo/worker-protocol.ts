// Messages between the Monte Carlo host and its worker threads.
import type { EvaluationOutcome, EvaluationTask, UncertainScenario } from '../../simulator/uncertainty';

/** Given once, as workerData: the scenario every task substitutes into. */
export interface WorkerSetup {
  uncertain: UncertainScenario;
}

export interface TaskMessage {
  index: number;
  task: EvaluationTask;
}

export type ResultMessage = { index: number; outcome: EvaluationOutcome } | { index: number; crash: string };
