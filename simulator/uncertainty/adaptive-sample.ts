// One Monte Carlo sample, option by option, at the least cost that settles its verdicts: an
// option that is exactly one M/M/c station takes the closed form (exact-outcome.ts); any other
// is simulated with a short pilot first (a preview run of fewer requests: with idle devices a
// user per request, so the shortest span and the least background load), kept when the pilot decides every budget verdict
// (verdict-intervals.ts), and simulated again at the full request count otherwise. The full run
// is the same run a sample made before this existed (same requests, fidelity and seed).
import { estimateOption } from '../analytic/option-estimate';
import { evaluateOption } from '../evaluate/evaluate-scenario';
import { buildOptionPlan, type OptionPlan } from '../evaluate/option-plan';
import { planRun, type RunShape } from '../evaluate/run-shape';
import { buildSystemModel, type SystemModel } from '../evaluate/system-model';
import type { Scenario } from '../scenario/schema';
import { exactOutcome } from './exact-outcome';
import { type OptionOutcome, optionOutcome } from './sample-metrics';
import { optionVariability, verdictsDecided } from './verdict-intervals';

/** The pilot simulates this share of the full request count, and at least MIN_PILOT requests. */
const PILOT_SHARE = 1 / 8;
const MIN_PILOT = 200;

export interface SampleSettings {
  seed: number;
  /** The full request count: what an undecided option is simulated with. */
  requests: number;
  options?: string[];
}

export function evaluateSample(scenario: Scenario, settings: SampleSettings): OptionOutcome[] {
  const system = buildSystemModel(scenario);
  const chosen = settings.options ? new Set(settings.options) : undefined;
  return scenario.options
    .filter((option) => !chosen || chosen.has(option.id))
    .map((option) => {
      const plan = buildOptionPlan(system, option);
      const exact = exactOutcome(system, plan);
      if (exact) return { ...exact, evaluation: { method: 'exact', requests: 0 } };
      const simulate = (requests: number) =>
        evaluateOption(system, plan, { requests, fidelity: 'preview' }, settings.seed);
      const pilot = pilotRequests(system, plan, settings.requests);
      let requests = 0;
      if (pilot !== undefined) {
        const result = simulate(pilot);
        requests += result.requests;
        if (verdictsDecided(system, optionVariability(system, plan), result)) {
          return { ...optionOutcome(result), evaluation: { method: 'pilot', requests } };
        }
      }
      const result = simulate(settings.requests);
      return { ...optionOutcome(result), evaluation: { method: 'full', requests: requests + result.requests } };
    });
}

/**
 * The pilot's request count, or undefined where a pilot would not pay: too few requests to
 * shorten, or a run whose cost is the background users' load on shared components, which
 * spans the same simulated time (and so costs the same) however few requests are detailed.
 */
export function pilotRequests(system: SystemModel, plan: OptionPlan, requests: number): number | undefined {
  const pilot = Math.max(MIN_PILOT, Math.ceil(requests * PILOT_SHARE));
  if (2 * pilot > requests) return undefined;
  const estimate = estimateOption(system, plan);
  const shared = [...plan.usedComponents].some((index) => system.components[index].shared);
  // Arrivals simulated, detailed and background: each detailed user stands for users / detailed.
  const work = (shape: RunShape) => shape.arrivals! * (shared ? system.users / shape.detailedUsers : 1);
  const pilotWork = work(planRun(system, estimate, pilot, 'preview'));
  return 2 * pilotWork <= work(planRun(system, estimate, requests, 'preview')) ? pilot : undefined;
}
