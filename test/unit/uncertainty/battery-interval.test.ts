// The interval of a sample's battery figure (battery-interval.ts), on phones whose figures are
// known: the busy time's relative error from the SCV of the jobs a request brings, and only the
// power above idle moving with it.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../simulator';
import { evaluateOption } from '../../../simulator/evaluate/evaluate-scenario';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import { batteryInterval } from '../../../simulator/uncertainty/battery-interval';
import { scenarioFrom } from '../simulator/queue-scenarios';

const Z = 2;
const DRAWS = 400;

// Phones (one per user) that run `steps` of constant work each, with a battery, then a server.
function phones(steps: number, power: { idle: number; active: number }, mixed = false): ScenarioInput {
  const device = mixed ? { hardware_mix: [{ hardware: 'handset', share: 1 }] } : { hardware: 'handset' };
  return {
    placewise: 1,
    name: 'phones',
    hardware: { handset: { cores: 1, gflops: 1, power_w: power }, box: { cores: 4, gflops: 1 } },
    components: [
      { id: 'phone', kind: 'phone', battery_wh: 10, ...device },
      { id: 'server', kind: 'cloud', hardware: 'box' },
    ],
    links: [{ id: 'net', between: ['phone', 'server'], tech: 'ethernet', latency_ms: 1 }],
    workload: { users: 100, per_user_rps: 0.1, source: 'phone', sink: 'phone', requests: 400 },
    pipeline: [
      { id: 'first', at: 'phone', compute_ms: 50 },
      // Steps on the server between the phone's, so that each of the phone's is a job of its own.
      ...Array.from({ length: steps - 1 }, (_, index) => [
        { id: `away${index}`, at: 'server', compute_ms: 1 },
        { id: `back${index}`, at: 'phone', compute_ms: 50 },
      ]).flat(),
    ],
    budgets: { battery_hours: 1 },
    options: [{ id: 'only' }],
  } as ScenarioInput;
}

function intervalOf(input: ScenarioInput, fallbackScv = 0) {
  const system = buildSystemModel(scenarioFrom(input));
  const plan = buildOptionPlan(system, system.scenario.options[0]);
  const run = evaluateOption(system, plan, { requests: 400, fidelity: 'preview' }, 3);
  const hours = run.battery_hours.phone;
  const interval = batteryInterval(system, run.analytic, 'phone', hours, { z: Z, draws: DRAWS, fallbackScv });
  return { hours, interval, system };
}

// The relative half-width r of [hours / (1 + r), hours / (1 - r)].
const relativeOf = (hours: number, [low]: [number, number]) => hours / low - 1;

describe("a battery figure's interval", () => {
  it('is z sqrt(((1 + scv) / m + 1) / n) of the power above idle, for constant work one job a request', () => {
    // No idle power: all of it moves with the busy time. Constant work: scv 0, one job.
    const { hours, interval } = intervalOf(phones(1, { idle: 0, active: 2 }));
    expect(relativeOf(hours, interval!)).toBeCloseTo(Z * Math.sqrt(2 / DRAWS), 12);
    expect(interval![1]).toBeCloseTo(hours / (1 - Z * Math.sqrt(2 / DRAWS)), 12);
  });

  it('counts the jobs a request brings: two of them halve the busy time term', () => {
    const { hours, interval } = intervalOf(phones(2, { idle: 0, active: 2 }));
    expect(relativeOf(hours, interval!)).toBeCloseTo(Z * Math.sqrt((1 / 2 + 1) / DRAWS), 12);
  });

  it('moves only the power above idle', () => {
    // Idle 1 W, active 2 W: the figure's watts are 10 Wh / hours, of which 1 W does not move.
    const { hours, interval } = intervalOf(phones(1, { idle: 1, active: 2 }));
    const varying = 1 - 1 / (10 / hours);
    expect(varying).toBeGreaterThan(0);
    expect(varying).toBeLessThan(0.5);
    expect(relativeOf(hours, interval!)).toBeCloseTo(varying * Z * Math.sqrt(2 / DRAWS), 12);
    // Power that never changes: the figure cannot move.
    const flat = intervalOf(phones(1, { idle: 2, active: 2 }));
    expect(flat.interval).toEqual([flat.hours, flat.hours]);
  });

  it('takes the whole power of a device population, whose tiers differ, and the fallback SCV where the estimate gives none', () => {
    const mixed = intervalOf(phones(1, { idle: 1, active: 2 }, true));
    expect(relativeOf(mixed.hours, mixed.interval!)).toBeCloseTo(Z * Math.sqrt(2 / DRAWS), 12);
    // An estimate not made by the estimator (no SCVs beside it): 1 + the fallback SCV.
    const { system, hours } = intervalOf(phones(1, { idle: 0, active: 2 }));
    const bare = { components: [], links: [], mean_latency_ms: null };
    const interval = batteryInterval(system, bare, 'phone', hours, { z: Z, draws: DRAWS, fallbackScv: 3 });
    expect(relativeOf(hours, interval!)).toBeCloseTo(Z * Math.sqrt((1 + 3 + 1) / DRAWS), 12);
  });

  it('gives none where the error reaches the whole figure', () => {
    const { system, hours } = intervalOf(phones(1, { idle: 0, active: 2 }));
    const bare = { components: [], links: [], mean_latency_ms: null };
    // z sqrt(2 / 2) = z: at z = 1 exactly, none.
    expect(batteryInterval(system, bare, 'phone', hours, { z: 1, draws: 2, fallbackScv: 0 })).toBeUndefined();
    expect(batteryInterval(system, bare, 'phone', hours, { z: 0.99, draws: 2, fallbackScv: 0 })).toBeDefined();
  });
});
