// The simulation worker: runs the simulator off the UI thread, one request at a time.
import { evaluateScenario } from '../../simulator/evaluate/evaluate-scenario';
import type { SimulationReply, SimulationRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<SimulationRequest>) => {
  const { runId, fidelity, scenario, requests } = event.data;
  let reply: SimulationReply;
  try {
    const started = performance.now();
    // Each option as it starts, so a long full-fidelity run shows how far it is.
    const onOption = (done: number, total: number, option: string) =>
      scope.postMessage({ runId, fidelity, progress: { done, total, option } } satisfies SimulationReply);
    const results = evaluateScenario(scenario, { fidelity, onOption, ...(requests === undefined ? {} : { requests }) });
    reply = { runId, fidelity, ok: true, results, elapsedMs: performance.now() - started };
  } catch (error) {
    reply = { runId, fidelity, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
