// The Compare view's answer: budgets as headings (each once), the one-line summary, the change
// since the last edit, the warnings of a component or link, and saturated options.
import { describe, expect, test } from 'vitest';
import { budgetHeading, compareColumns } from '../../../app/compare/compare-columns';
import { figureChange } from '../../../app/compare/figure-change';
import { recommendationSummary } from '../../../app/compare/recommendation-summary';
import { setField } from '../../../app/editing/edits';
import { warningsBySubject } from '../../../app/canvas/model/figures';
import { saturatedPlaces, withoutSaturatedLatency } from '../../../app/store/result-warnings';
import { recommend } from '../../../simulator/evaluate/budget-verdicts';
import { evaluateScenario } from '../../../simulator/evaluate/evaluate-scenario';
import type { BudgetVerdict, OptionResult, ScenarioResults } from '../../../simulator/results';
import { validateScenario } from '../../../simulator/scenario/load';
import { twoTierDraft } from './scenario-draft';

function option(id: string, p95: number, usd: number, verdicts: [string, number, number, boolean][]): OptionResult {
  const budgets: BudgetVerdict[] = verdicts.map(([name, limit, value, pass]) => ({ name, limit, value, pass }));
  return {
    id,
    latency_ms: { mean: p95 / 2, p50: p95 / 2, p90: p95, p95, p99: p95, max: p95 },
    monthly_usd: { total: usd, compute: usd, network: 0, updates: 0, telemetry: 0 },
    budgets,
    pass: budgets.every((verdict) => verdict.pass),
    warnings: [],
    analytic: { components: [], links: [], mean_latency_ms: null },
  } as unknown as OptionResult;
}

function results(options: OptionResult[], decision: string | null = null): ScenarioResults {
  const recommendation = recommend(options);
  return {
    scenario: 's',
    seed: 1,
    requests: 100,
    options,
    recommendation: recommendation.id,
    recommendation_reason: recommendation.reason,
    decision,
  };
}

const budgets = (p95: number, usd: number, hours: number): [string, number, number, boolean][] => [
  ['latency_ms.p95', 1500, p95, p95 <= 1500],
  ['monthly_usd', 5000, usd, usd <= 5000],
  ['battery_hours.glasses', 1.5, hours, hours >= 1.5],
];

describe('the Compare table', () => {
  test('budgets read as budgets', () => {
    expect(budgetHeading('latency_ms.p95', 1500)).toBe('p95 ≤ 1,500 ms');
    expect(budgetHeading('battery_hours.glasses', 1.5)).toBe('Battery, glasses ≥ 1.5 h');
    expect(budgetHeading('monthly_usd', 5000)).toBe('Monthly cost ≤ $5,000');
    expect(budgetHeading('link_utilization.phone-cloud', 0.8)).toBe('Utilisation, phone-cloud ≤ 80%');
    expect(budgetHeading('offline_success', 0.95)).toBe('Offline success ≥ 95%');
    expect(budgetHeading('accuracy', 0.78)).toBe('Accuracy ≥ 78%');
    expect(budgetHeading('fit.glasses.ram_mb', 2048)).toBe('Models on glasses, RAM ≤ 2,048 MB');
    expect(budgetHeading('fit.glasses.storage_gb', 32)).toBe('Models on glasses, storage ≤ 32 GB');
  });

  test('each figure is one column: a budget replaces the plain figure it judges', () => {
    const table = results([
      option('a', 900, 4000, budgets(900, 4000, 2)),
      option('b', 700, 9000, budgets(700, 9000, 2)),
    ]);
    const headings = compareColumns(table).map((column) => column.heading);
    expect(headings).toEqual(['p50', 'p95 ≤ 1,500 ms', 'Monthly cost ≤ $5,000', 'Battery, glasses ≥ 1.5 h']);
    const plain = compareColumns(results([option('a', 900, 4000, [])])).map((column) => column.heading);
    expect(plain).toEqual(['p50', 'p95', 'Monthly cost']);
  });
});

describe('the one-line answer', () => {
  test('names the recommendation and why', () => {
    const table = results([
      option('a', 900, 4000, budgets(900, 4000, 2)),
      option('b', 700, 3000, budgets(700, 3000, 2)),
    ]);
    const summary = recommendationSummary(table)!;
    expect(summary.passing).toBe(true);
    expect(summary.text).toBe(
      'Recommended: b, the cheapest of the 2 options that pass every budget (p95 700 ms, $3,000 a month).',
    );
  });

  test('says when no option passes, which fails fewest and on what, and how the decision fares', () => {
    const table = results(
      [
        option('cloud', 900, 337_000, budgets(900, 337_000, 0.5)),
        option('hybrid', 800, 16_889, budgets(800, 16_889, 2)),
      ],
      'cloud',
    );
    const summary = recommendationSummary(table)!;
    expect(summary.passing).toBe(false);
    expect(summary.text).toBe(
      'No option passes every budget; hybrid fails fewest (1 of 3: monthly cost). The recorded decision, cloud, fails monthly cost, battery life glasses.',
    );
  });
});

describe('the change since the last edit', () => {
  const ms = (value: number) => `${value} ms`;
  test('shows a move with its direction, good or bad for the figure', () => {
    expect(figureChange(712, 700, 'lower', ms)).toEqual({ text: '▲ 12 ms', better: false });
    expect(figureChange(1.2, 1.5, 'higher', (value) => value.toFixed(1))).toEqual({ text: '▼ 0.3', better: false });
    expect(figureChange(650, 700, 'lower', ms)).toEqual({ text: '▼ 50 ms', better: true });
  });

  test('shows nothing for noise, a missing figure, or before any edit', () => {
    expect(figureChange(700.2, 700, 'lower', ms)).toBeNull();
    expect(figureChange(700, undefined, 'lower', ms)).toBeNull();
    expect(figureChange(null, 700, 'lower', ms)).toBeNull();
  });
});

describe('warnings and saturation in real results', () => {
  // The two-tier scenario with its cloud far too small for the load placed on it.
  function saturated() {
    let draft = setField(twoTierDraft(), ['workload', 'users'], 2000);
    draft = setField(draft, ['components', 1, 'cores'], 1);
    const parsed = validateScenario(draft);
    if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('; '));
    return evaluateScenario(parsed.scenario, { requests: 2000 });
  }

  test('the saturated option is found, and its warning concerns the cloud, not the camera or the link', () => {
    const run = saturated();
    const remote = run.options.find((entry) => entry.id === 'remote')!;
    expect(saturatedPlaces(remote)).toEqual(['cloud']);
    expect(saturatedPlaces(run.options.find((entry) => entry.id === 'local')!)).toEqual([]);
    const concerning = warningsBySubject(remote.warnings, ['camera', 'cloud'], ['uplink']);
    const cloud = concerning.components.get('cloud') ?? [];
    expect(cloud.length).toBeGreaterThan(0);
    expect(cloud[0]).toMatch(/^cloud is saturated/);
    expect(concerning.components.get('camera')).toBeUndefined();
    expect(concerning.links.get('uplink')).toBeUndefined();
    // The charts leave out the saturated option's latency, and keep the other's.
    const charted = withoutSaturatedLatency(run);
    expect(charted.options.find((entry) => entry.id === 'remote')!.latency_quantiles_ms).toEqual([]);
    expect(charted.options.find((entry) => entry.id === 'local')!.latency_quantiles_ms).toHaveLength(101);
  });

  test('an id inside a longer id is not a mention; a full stop after an id ends the sentence', () => {
    const sorted = warningsBySubject(
      ['link phone-cloud (up) is saturated', 'an outage cut off phone.'],
      ['phone', 'cloud'],
      ['phone-cloud'],
    );
    expect(Object.fromEntries(sorted.components)).toEqual({ phone: ['an outage cut off phone.'] });
    expect(Object.fromEntries(sorted.links)).toEqual({ 'phone-cloud': ['link phone-cloud (up) is saturated'] });
  });
});
