// Monte Carlo takes the closed form only where it is exact: an option that is one M/M/c station.
import { describe, expect, it } from 'vitest';
import { evaluateScenario, parseScenarioText, type Scenario } from '../../../simulator';
import { mmcResponse } from '../../../simulator/analytic/mmc-response';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import { exactOutcome, exactStation } from '../../../simulator/uncertainty/exact-outcome';
import { UNCERTAIN_STATION } from './uncertain-station';

// The fixture with its uncertain values at fixed numbers (and any edits), validated.
function station(edit: (text: string) => string = (text) => text): Scenario {
  const text = edit(
    UNCERTAIN_STATION.replace('{ range: [1, 3] }', '2').replace('{ uncertain: { uniform: [5, 15] } }', '10'),
  );
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

function decide(scenario: Scenario) {
  const system = buildSystemModel(scenario);
  return exactStation(system, buildOptionPlan(system, scenario.options[0]));
}

const LINKED = (text: string) =>
  text
    .replace('options:', 'links:\n  - { id: wan, between: [client, server], tech: wan }\noptions:')
    .replace('components:\n', 'components:\n  - { id: client, kind: phone, hardware: phone-midrange }\n')
    .replace('source: server', 'source: client\n  sink: server');

describe('the choice between the closed form and the simulation', () => {
  it('takes the closed form for one exponential station and nothing else', () => {
    expect(decide(station())).toEqual({ component: 0, servers: 1, ratePerMs: 0.02, meanServiceMs: 10 });
  });

  it.each([
    ['a service time that is not exponential', (text: string) => text.replace('exponential: 10', 'uniform: [5, 15]')],
    ['periodic arrivals', (text: string) => text.replace('per_user_rps: 20', 'per_user_rps: 20\n  arrivals: periodic')],
    ['a link to cross', LINKED],
    [
      'a cache that branches',
      (text: string) =>
        text.replace('  - id: only', '  - id: only\n    cache: { serve: { at: server, hit_rate: 0.5 } }'),
    ],
    [
      'autoscaling',
      (text: string) =>
        text.replace('usd_per_hour: 2', 'usd_per_hour: 2\n    replicas: { min: 1, max: 3, target_utilization: 0.6 }'),
    ],
    [
      'a second step that takes time',
      (text: string) => text.replace('budgets:', '  - { id: log, at: server, compute_ms: 1 }\nbudgets:'),
    ],
  ])('simulates an option with %s', (_what, edit) => {
    expect(decide(station(edit))).toBeUndefined();
  });

  it('simulates a saturated station, which has no steady state', () => {
    const scenario = station((text) => text.replace('per_user_rps: 20', 'per_user_rps: 120'));
    expect(decide(scenario)).toBeDefined();
    const system = buildSystemModel(scenario);
    expect(exactOutcome(system, buildOptionPlan(system, scenario.options[0]))).toBeUndefined();
  });
});

describe('the M/M/c response time', () => {
  it('is exponential of rate mu - lambda on one server', () => {
    // Service 10 ms, 20 requests per second: mu - lambda = 0.1 - 0.02 per ms.
    const response = mmcResponse(1, 0.02, 10)!;
    expect(response.mean).toBeCloseTo(1 / 0.08, 9);
    expect(response.quantile(0.95)).toBeCloseTo(Math.log(20) / 0.08, 6);
  });

  // The tails below are worked by hand from the Erlang C probability, not by the product's erlangC.
  it('has the tail of a mixed exponential on two servers', () => {
    // c = 2, a = 1.5: C = (a^2/2 * 2/(2 - a)) / (1 + a + a^2/2 * 2/(2 - a)) = 4.5 / 7; theta = 0.2 - 0.15.
    const response = mmcResponse(2, 0.15, 10)!;
    expect(response.mean).toBeCloseTo(9 / 14 / 0.05 + 10, 9);
    const tail = (t: number) =>
      (5 / 14) * Math.exp(-0.1 * t) + (9 / 14) * (2 * Math.exp(-0.05 * t) - Math.exp(-0.1 * t));
    expect(tail(response.quantile(0.95))).toBeCloseTo(0.05, 9);
    expect(tail(response.quantile(0.5))).toBeCloseTo(0.5, 9);
  });

  it('has the Erlang-2 tail where the wait and the service have the same rate', () => {
    // c = 2, a = 1: C = 1/3 and theta = 0.2 - 0.1 = mu, so P(R > t) = e^(-t/10) (1 + t/30).
    const response = mmcResponse(2, 0.1, 10)!;
    expect(response.mean).toBeCloseTo(1 / 3 / 0.1 + 10, 9);
    const quantile = response.quantile(0.95);
    expect(Math.exp(-0.1 * quantile) * (1 + quantile / 30)).toBeCloseTo(0.05, 9);
  });

  it('has no quantile below 0 or at 1, and no steady state at full load', () => {
    const response = mmcResponse(1, 0.02, 10)!;
    expect(response.quantile(0)).toBe(0);
    expect(response.quantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(mmcResponse(1, 0.1, 10)).toBeUndefined();
  });

  it('agrees with the simulation of two servers within its 99% interval', () => {
    const scenario = station((text) =>
      text
        .replace('cores: 1', 'cores: 2')
        .replace('per_user_rps: 20', 'per_user_rps: 150')
        .replace('requests: 400', 'requests: 40000'),
    );
    const simulated = evaluateScenario(scenario).options[0].latency_ms;
    const exact = mmcResponse(2, 0.15, 10)!;
    // Widen the batch-means 95% intervals to 99% (normal quantiles 2.576 / 1.960).
    const widened = ([low, high]: [number, number] = [Number.NaN, Number.NaN]) => {
      const half = ((high - low) / 2) * (2.576 / 1.96);
      return [(low + high) / 2 - half, (low + high) / 2 + half];
    };
    const [meanLow, meanHigh] = widened(simulated.ci95!.mean);
    const [p95Low, p95High] = widened(simulated.ci95!.p95);
    expect(exact.mean).toBeGreaterThan(meanLow);
    expect(exact.mean).toBeLessThan(meanHigh);
    expect(exact.quantile(0.95)).toBeGreaterThan(p95Low);
    expect(exact.quantile(0.95)).toBeLessThan(p95High);
  });

  it('gives the verdicts of its figures: cost from the replicas, latency from the closed form', () => {
    const scenario = station();
    const system = buildSystemModel(scenario);
    const outcome = exactOutcome(system, buildOptionPlan(system, scenario.options[0]))!;
    expect(outcome.metrics['monthly_usd.total']).toBe(2 * 730);
    expect(outcome.metrics['latency_ms.p95']).toBeCloseTo(Math.log(20) / 0.08, 6);
    // p95 of 37.4 ms is within the 40 ms budget; 1,460 USD within 1,500.
    expect(outcome.budgets).toEqual({ 'latency_ms.p95': true, monthly_usd: true });
    expect(outcome.metrics.success_rate).toBe(1);
  });
});
