// The Monte Carlo worker: every sample and tornado evaluation of a study off the UI thread, in
// plan order, with progress. The CLI spreads the same plan over worker threads; here one worker
// is enough for the app's sample counts, and the report depends only on the plan and seed.
import { monteCarloInOrder } from '../../simulator/uncertainty/index';
import type { UncertaintyReply, UncertaintyRequest } from './uncertainty-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: UncertaintyReply) => scope.postMessage(message);

// Progress at most this often: a message per evaluation would flood the UI thread on fast scenarios.
const PROGRESS_INTERVAL_MS = 100;

scope.onmessage = (event: MessageEvent<UncertaintyRequest>) => {
  const { uncertain, settings } = event.data;
  let reported = 0;
  try {
    const report = monteCarloInOrder(uncertain, settings, (done, total) => {
      if (performance.now() - reported <= PROGRESS_INTERVAL_MS) return;
      reported = performance.now();
      reply({ kind: 'progress', done, total });
    });
    reply({ kind: 'done', report });
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
