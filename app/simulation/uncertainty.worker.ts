// The Monte Carlo worker: every sample and tornado evaluation of a study off the UI thread, in
// plan order, with progress. The CLI spreads the same plan over worker threads; here one worker
// is enough for the app's sample counts, and the report depends only on the plan and seed.
import { formatScenarioError } from '../../simulator/scenario/scenario-error';
import {
  evaluateWithValues,
  monteCarloReport,
  type OptionOutcome,
  planMonteCarlo,
} from '../../simulator/uncertainty/index';
import type { UncertaintyReply, UncertaintyRequest } from './uncertainty-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: UncertaintyReply) => scope.postMessage(message);

// Progress at most this often: a message per evaluation would flood the UI thread on fast scenarios.
const PROGRESS_INTERVAL_MS = 100;

scope.onmessage = (event: MessageEvent<UncertaintyRequest>) => {
  const { uncertain, settings } = event.data;
  try {
    const plan = planMonteCarlo(uncertain, settings);
    const outcomes: OptionOutcome[][] = [];
    let reported = 0;
    for (const [index, task] of plan.tasks.entries()) {
      const outcome = evaluateWithValues(uncertain, task);
      if (!outcome.ok) {
        const drawn = uncertain.parameters
          .map((parameter, position) => `${parameter.name} = ${task.values[position]}`)
          .join(', ');
        const errors = outcome.errors.map((error) => formatScenarioError('scenario', error)).join('; ');
        reply({
          kind: 'failed',
          message: `${errors} (with ${drawn}): narrow the uncertain values so that every draw is valid`,
        });
        return;
      }
      outcomes.push(outcome.options);
      if (performance.now() - reported > PROGRESS_INTERVAL_MS) {
        reported = performance.now();
        reply({ kind: 'progress', done: index + 1, total: plan.tasks.length });
      }
    }
    reply({ kind: 'done', report: monteCarloReport(plan, outcomes) });
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
