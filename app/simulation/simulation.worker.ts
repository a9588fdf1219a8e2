// The simulation worker: runs the simulator off the UI thread, one request at a time.
import { evaluateScenario, type EvaluateSettings } from '../../simulator/evaluate/evaluate-scenario';
import type { OptionResult } from '../../simulator/results';
import type { Scenario } from '../../simulator/scenario/schema';
import type { SimulationReply, SimulationRequest } from './protocol';
import { PREVIEW_REQUESTS } from './simulation-runner';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// A warm-up is several runs at a preview's size rather than one long run: V8 optimises a function
// after repeated calls, and a run's set-up is called once per run. In the browser under load, ten
// of them brought a spare's first answer to an edit that interrupts a full run (the shown
// option's preview) down to that of a worker which had answered edits before (test/perf/
// app-responsiveness.ts); five runs of 400 requests left it a third slower.
const WARM_UP_RUNS = 10;

/** Whether the worker has had an edit to answer: it is then warmed by real work. */
let answering = false;

/**
 * Simulates the shown option (or the first) again and again, each run a task of its own, so that
 * an edit arriving meanwhile waits for one run at most and ends the warm-up.
 */
function warmUp(scenario: Scenario, focus: string | undefined, runs: number): void {
  const option = scenario.options.find((candidate) => candidate.id === focus) ?? scenario.options[0];
  if (answering || runs === 0 || !option) return;
  try {
    evaluateScenario(scenario, { fidelity: 'preview', requests: PREVIEW_REQUESTS, options: [option.id] });
  } catch {
    // The edit that follows reports what is wrong with its own scenario.
    return;
  }
  setTimeout(() => warmUp(scenario, focus, runs - 1), 0);
}

scope.onmessage = (event: MessageEvent<SimulationRequest>) => {
  const { runId, fidelity, scenario, requests, focus, warmUp: warming } = event.data;
  if (warming) {
    setTimeout(() => warmUp(scenario, focus, WARM_UP_RUNS), 0);
    return;
  }
  answering = true;
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
