// Messages between the Monte Carlo host and its worker threads.
import type { EvaluationOutcome, EvaluationTask, UncertainScenario } from '../../simulator/uncertainty';

/**
 * Given once, as workerData: the scenario every task substitutes into, the tasks, and the
 * counter a worker takes its next task's index from (one Int32 in shared memory, Atomics.add).
 */
export interface WorkerSetup {
  uncertain: UncertainScenario;
  tasks: readonly EvaluationTask[];
  taken: Int32Array;
}

export type ResultMessage = { index: number; outcome: EvaluationOutcome } | { index: number; crash: string };
