// A scenario of requests that cross one link with outages (post-stratified-success.test.ts,
// outage-transitions.test.ts).
import type { ScenarioInput } from '../../../simulator';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import { scenarioFrom } from '../simulator/queue-scenarios';

export const REQUESTS = 400;
// Outages of a user's link: up for 60 s, then down for 20 s, on average: down a quarter of the time.
export const EVERY_S = 60;
export const LASTING_S = 20;
export const DOWN_SHARE = LASTING_S / (EVERY_S + LASTING_S);

// Requests from the users' phones cross one link with outages, with no fallback, to a server,
// where they end. Success is the share of crossings that find the link up: each user's link
// starts in its long-run state and a crossing's time does not depend on it, so that share is
// exactly 1 - DOWN_SHARE. `prepareMs` of work on the phone first: with none, a request fails
// exactly when it starts offline.
export function crossing(prepareMs: number, outages = true): ScenarioInput {
  return {
    placewise: 1,
    name: 'one crossing',
    seed: 1,
    hardware: { handset: { cores: 1, gflops: 1 }, box: { cores: 4, gflops: 1 } },
    components: [
      { id: 'phone', kind: 'phone', hardware: 'handset' },
      { id: 'server', kind: 'cloud', hardware: 'box' },
    ],
    links: [
      {
        id: 'wan',
        between: ['phone', 'server'],
        tech: 'ethernet',
        latency_ms: 0,
        ...(outages
          ? { outages: { every_s: { exponential: EVERY_S }, lasting_s: { exponential: LASTING_S } } }
          : { outages: { every_s: { exponential: 1e9 }, lasting_s: 1 } }),
      },
    ],
    workload: { users: 200, per_user_rps: 0.01, source: 'phone', sink: 'server', requests: REQUESTS },
    pipeline: [
      ...(prepareMs > 0 ? [{ id: 'prepare', at: 'phone', compute_ms: prepareMs }] : []),
      { id: 'serve', at: 'server', compute_ms: 1 },
    ],
    budgets: { success_rate: 0.7 },
    options: [{ id: 'only' }],
  } as ScenarioInput;
}

export function model(input: ScenarioInput) {
  const scenario = scenarioFrom(input);
  const system = buildSystemModel(scenario);
  return { system, plan: buildOptionPlan(system, scenario.options[0]) };
}
