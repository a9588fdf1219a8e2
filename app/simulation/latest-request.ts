// The simulation worker's work loop. It simulates the latest request it was sent, one option at a
// time (the option on the canvas first, sent on its own), and lets waiting messages in between
// options. A request superseded by a newer one is dropped at the next option, unanswered (the
// runner ignores its replies anyway), so an edit made while the worker is still busy with the
// previous edit's preview waits for one option, not for the whole stale preview. The worker stays
// alive, and with it the code V8 has compiled: a fresh worker's first preview takes several times
// as long as a warm one's.
import { evaluateScenario, type EvaluateSettings } from '../../simulator/evaluate/evaluate-scenario';
import type { OptionResult, ScenarioResults } from '../../simulator/results';
import type { Scenario } from '../../simulator/scenario/schema';
import type { SimulationReply, SimulationRequest } from './protocol';

export type Evaluate = (scenario: Scenario, settings: EvaluateSettings) => ScenarioResults;

export class LatestRequestLoop {
  private latest: SimulationRequest | null = null;
  private running = false;

  constructor(
    private readonly post: (reply: SimulationReply) => void,
    /** Resolves once the messages already waiting for the worker have been taken in. */
    private readonly letMessagesIn: () => Promise<void>,
    private readonly evaluate: Evaluate = evaluateScenario,
  ) {}

  /** Takes a request; one still being simulated is superseded by it. */
  receive(request: SimulationRequest): void {
    this.latest = request;
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    for (let request = this.latest; request !== null; request = this.latest) {
      this.latest = null;
      await this.simulate(request);
    }
    this.running = false;
  }

  private async simulate(request: SimulationRequest): Promise<void> {
    const { runId, fidelity, scenario, requests, focus } = request;
    const started = performance.now();
    const settings: EvaluateSettings = { fidelity, ...(requests === undefined ? {} : { requests }) };
    const ids = scenario.options.map((option) => option.id);
    const focusFirst = fidelity === 'preview' && ids.length > 1 && focus !== undefined && ids.includes(focus);
    const order = focusFirst ? [focus, ...ids.filter((id) => id !== focus)] : ids;
    try {
      const known: OptionResult[] = [];
      for (const [done, option] of order.entries()) {
        if (done > 0) {
          await this.letMessagesIn();
          if (this.latest !== null) return;
        }
        // Each option as it starts, so a long full-fidelity run shows how far it is.
        if (fidelity === 'full') this.post({ runId, fidelity, progress: { done, total: order.length, option } });
        known.push(...this.evaluate(scenario, { ...settings, options: [option] }).options);
        if (focusFirst && done === 0) this.post({ runId, fidelity, focusResult: known[0] });
      }
      // An option's results do not depend on the others': the whole takes them as they are.
      const results = this.evaluate(scenario, { ...settings, known });
      this.post({ runId, fidelity, ok: true, results, elapsedMs: performance.now() - started });
    } catch (error) {
      this.post({ runId, fidelity, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
