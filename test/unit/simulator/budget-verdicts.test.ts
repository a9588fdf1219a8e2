// Every kind of budget against figures on both sides of its limit and exactly at it. A budget is
// a limit the figure may reach: "p95 at most 500 ms" passes at 500 ms, "battery at least 4 h"
// passes at 4 h. (The recommendation's tie-breaks are in recommendation.test.ts.)
import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../../simulator';
import { budgetVerdicts } from '../../../simulator/evaluate/budget-verdicts';
import type { Budgets } from '../../../simulator/scenario/schema';
import { scenarioFrom } from './queue-scenarios';

type Figures = Parameters<typeof budgetVerdicts>[1];

const FIGURES: Figures = {
  id: 'option',
  latency_ms: { mean: 100, p50: 90, p90: 150, p95: 200, p99: 300, max: 400 },
  breakdown_ms: { compute: 0, queue: 0, network: 0 },
  steps: [],
  links: [
    { id: 'busy', utilization: 0.8, mean_mbps: 1, gb_per_month: 1 },
    { id: 'idle', utilization: 0, mean_mbps: 0, gb_per_month: 1 },
  ],
  components: [],
  monthly_usd: { total: 1000, compute: 1000, network: 0, updates: 0, telemetry: 0 },
  battery_hours: { glasses: 4, phone: 10 },
  accuracy: null,
  success_rate: 0.99,
  offline: { requests: 10, success_rate: 0.95, fallback_rate: 0 },
  latency_quantiles_ms: [],
  analytic: { components: [], links: [], mean_latency_ms: null },
  warnings: [],
  completed: 99,
  failed: 1,
  detailed_users: 1,
  requests: 100,
};

/** The verdict named `name` when `budgets` are checked against `figures` (FIGURES by default). */
function verdict(budgets: Budgets, name: string, figures: Partial<Figures> = {}, hasLatency = true) {
  const verdicts = budgetVerdicts(budgets, { ...FIGURES, ...figures }, hasLatency);
  const found = verdicts.find((entry) => entry.name === name);
  if (!found) throw new Error(`no verdict ${name} among ${verdicts.map((entry) => entry.name).join(', ')}`);
  return found;
}

describe('budget verdicts', () => {
  // [budget, verdict name, limit, figures, passes]: limits at, just above and just below the figure.
  const table: [string, Budgets, string, Partial<Figures>, boolean][] = [
    ['p95 at the limit', { latency_ms: { p95: 200 } }, 'latency_ms.p95', {}, true],
    ['p95 over the limit', { latency_ms: { p95: 199.99 } }, 'latency_ms.p95', {}, false],
    ['mean at the limit', { latency_ms: { mean: 100 } }, 'latency_ms.mean', {}, true],
    ['p50 over', { latency_ms: { p50: 89 } }, 'latency_ms.p50', {}, false],
    ['p90 under', { latency_ms: { p90: 151 } }, 'latency_ms.p90', {}, true],
    ['p99 over', { latency_ms: { p99: 299 } }, 'latency_ms.p99', {}, false],
    ['cost at the limit', { monthly_usd: 1000 }, 'monthly_usd', {}, true],
    ['cost over', { monthly_usd: 999.99 }, 'monthly_usd', {}, false],
    ['link at the limit', { link_utilization: 0.8 }, 'link_utilization.busy', {}, true],
    ['link over', { link_utilization: 0.79 }, 'link_utilization.busy', {}, false],
    ['battery at the limit', { battery_hours: 4 }, 'battery_hours.glasses', {}, true],
    ['battery short', { battery_hours: 4.01 }, 'battery_hours.glasses', {}, false],
    [
      'battery that never runs down',
      { battery_hours: 4 },
      'battery_hours.glasses',
      { battery_hours: { glasses: Infinity } },
      true,
    ],
    ['offline success at the limit', { offline_success: 0.95 }, 'offline_success', {}, true],
    ['offline success short', { offline_success: 0.96 }, 'offline_success', {}, false],
    [
      'offline success with no request offline (unknown)',
      { offline_success: 0.95 },
      'offline_success',
      { offline: { requests: 0, success_rate: null, fallback_rate: null } },
      true,
    ],
    ['success at the limit', { success_rate: 0.99 }, 'success_rate', {}, true],
    ['success short', { success_rate: 0.991 }, 'success_rate', {}, false],
    ['no request completed', { success_rate: 0.5 }, 'success_rate', { success_rate: 0 }, false],
    ['accuracy at the floor', { accuracy: 0.9 }, 'accuracy', { accuracy: 0.9 }, true],
    ['accuracy short', { accuracy: 0.91 }, 'accuracy', { accuracy: 0.9 }, false],
    ['no model with an accuracy (unknown)', { accuracy: 0.5 }, 'accuracy', {}, false],
    [
      'personal data at the limit',
      { personal_gb_per_month: 2 },
      'personal_gb_per_month',
      { personal_gb_per_month: 2 },
      true,
    ],
    [
      'personal data over',
      { personal_gb_per_month: 1.99 },
      'personal_gb_per_month',
      { personal_gb_per_month: 2 },
      false,
    ],
    // No personal step or telemetry: no figure, which is none leaving the devices and passes even a 0 limit.
    ['no personal data', { personal_gb_per_month: 0 }, 'personal_gb_per_month', {}, true],
  ];
  it.each(table)('%s', (_name, budgets, name, figures, passes) => {
    const found = verdict(budgets, name, figures);
    expect(found.pass).toBe(passes);
    const limit = Object.values(budgets)[0];
    expect(found.limit).toBe(typeof limit === 'object' ? Object.values(limit)[0] : limit);
  });

  it('report the figure each budget was checked against', () => {
    expect(verdict({ latency_ms: { p99: 1000 } }, 'latency_ms.p99').value).toBe(300);
    expect(verdict({ battery_hours: 1 }, 'battery_hours.phone').value).toBe(10);
    expect(verdict({ offline_success: 0.5 }, 'offline_success').value).toBe(0.95);
    expect(verdict({ accuracy: 0.5 }, 'accuracy', { accuracy: 0.8 }).value).toBe(0.8);
    expect(verdict({ personal_gb_per_month: 1 }, 'personal_gb_per_month').value).toBe(0);
  });

  it('fail every latency budget of an option with no completed request, whatever the limit', () => {
    for (const statistic of ['mean', 'p50', 'p90', 'p95', 'p99'] as const) {
      const found = verdict({ latency_ms: { [statistic]: 1e9 } }, `latency_ms.${statistic}`, {}, false);
      expect(found).toMatchObject({ value: null, pass: false });
    }
  });

  it('check every battery and every link in use, one verdict each, and skip idle links', () => {
    const verdicts = budgetVerdicts({ battery_hours: 5, link_utilization: 0.5 }, FIGURES, true);
    expect(verdicts.map((entry) => [entry.name, entry.pass])).toEqual([
      ['link_utilization.busy', false],
      ['battery_hours.glasses', false],
      ['battery_hours.phone', true],
    ]);
  });

  it('hold a link to a ceiling whatever its name, even one that names a floor', () => {
    const links = [{ id: 'accuracy', utilization: 0.8, mean_mbps: 1, gb_per_month: 1 }];
    expect(verdict({ link_utilization: 0.5 }, 'link_utilization.accuracy', { links }).pass).toBe(false);
    expect(verdict({ link_utilization: 0.9 }, 'link_utilization.accuracy', { links }).pass).toBe(true);
  });

  it('check nothing without budgets', () => {
    expect(budgetVerdicts({}, FIGURES, true)).toEqual([]);
  });

  it('fail the latency budget of an option whose every request fails, in a whole run', () => {
    // The only link is down for the whole run: nothing completes, so no latency figure exists.
    const scenario = scenarioFrom({
      placewise: 1,
      name: 'always down',
      components: [
        { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
        { id: 'cloud', kind: 'cloud', hardware: 'aws-c7i-xlarge' },
      ],
      links: [{ id: 'lte', between: ['phone', 'cloud'], tech: 'lte', outages: { schedule: [[0, 1e6]] } }],
      workload: { users: 1, per_user_rps: 1, source: 'phone', requests: 200 },
      pipeline: [{ id: 'infer', compute_ms: 5 }],
      budgets: { latency_ms: { p95: 1e6 }, success_rate: 0 },
      options: [{ id: 'remote', place: { infer: 'cloud' } }],
    });
    const option = evaluateScenario(scenario).options[0];
    expect(option.completed).toBe(0);
    expect(option.budgets).toEqual([
      { name: 'latency_ms.p95', limit: 1e6, value: null, pass: false },
      { name: 'success_rate', limit: 0, value: 0, pass: true },
    ]);
    expect(option.pass).toBe(false);
  });
});
