// The simulation worker: runs the simulator off the UI thread, one request at a time.
import { evaluateScenario, type EvaluateSettings } from '../../simulator/evaluate/evaluate-scenario';
import type { OptionResult } from '../../simulator/results';
import type { SimulationReply, SimulationRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<SimulationRequest>) => {
  const { runId, fidelity, scenario, requests, focus } = event.data;
  let reply: SimulationReply;
  try {
    const started = performance.now();
    // Each option as it starts, so a long full-fidelity run shows how far it is.
    const onOption = (done: number, total: number, option: string) =>
      scope.postMessage({ runId, fidelity, progress: { done, total, option } } satisfies SimulationReply);
    const settings: EvaluateSettings = { fidelity, ...(requests === undefined ? {} : { requests }) };
    let known: OptionResult[] = [];
    const focusFirst =
      fidelity === 'preview' && scenario.options.length > 1 && scenario.options.some((option) => option.id === focus);
    if (focusFirst && focus !== undefined) {
      known = evaluateScenario(scenario, { ...settings, options: [focus] }).options;
      scope.postMessage({ runId, fidelity, focusResult: known[0] } satisfies SimulationReply);
    }
    const results = evaluateScenario(scenario, { ...settings, onOption, known });
    reply = { runId, fidelity, ok: true, results, elapsedMs: performance.now() - started };
  } catch (error) {
    reply = { runId, fidelity, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
