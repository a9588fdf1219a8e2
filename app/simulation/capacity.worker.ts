// The capacity worker: one load sweep (dozens of simulations) off the UI thread, with progress.
import { capacitySweep } from '../../simulator/capacity/index';
import type { CapacityReply, CapacityRequest } from './capacity-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: CapacityReply) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<CapacityRequest>) => {
  const { scenario, option, component } = event.data;
  try {
    const sweep = capacitySweep(scenario, {
      option,
      component,
      onProgress: (done, total) => reply({ kind: 'progress', done, total }),
    });
    reply({ kind: 'done', sweep });
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
