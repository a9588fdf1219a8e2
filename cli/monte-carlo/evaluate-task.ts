// One task's evaluation as the message that reports it, on whichever thread takes the task (a
// worker thread or the host's own): a crash is caught and reported with its stack, so that the
// pool handles an outcome or a crash alike wherever it happened.
import { type EvaluationTask, evaluateWithValues, type UncertainScenario } from '../../simulator/uncertainty';
import type { ResultMessage } from './worker-protocol';

export function evaluateTask(
  uncertain: UncertainScenario,
  tasks: readonly EvaluationTask[],
  index: number,
): ResultMessage {
  try {
    return { index, outcome: evaluateWithValues(uncertain, tasks[index]) };
  } catch (error) {
    return { index, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
