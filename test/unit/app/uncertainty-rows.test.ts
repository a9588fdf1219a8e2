import { describe, expect, test } from 'vitest';
import { uncertainDraft } from '../../../app/uncertainty/uncertain-draft';
import { parsePath, pathLabel } from '../../../app/editing/field-labels';
import {
  bandDomain,
  bandRows,
  budgetNames,
  COST_METRIC,
  LATENCY_METRIC,
  spreadAxis,
  spreadRows,
  tornadoDomain,
  tornadoOf,
} from '../../../app/uncertainty/uncertainty-rows';
import { formatPercent, someShareHasRange } from '../../../simulator/export/pass-share';
import { monteCarloReport, type OptionOutcome, planMonteCarlo } from '../../../simulator/uncertainty/index';
import { twoTierDraft } from './scenario-draft';

// Two uncertain values: the uplink's speed (moves the remote option's latency) and the cloud's
// price (moves its cost); the local option depends on neither.
function uncertainTwoTier() {
  const draft = twoTierDraft();
  (draft.links as { mbps: unknown }[])[0].mbps = { range: [5, 15] };
  (draft.components as { usd_per_hour?: unknown }[])[1].usd_per_hour = { range: [0.1, 0.3] };
  return draft;
}

// Stands in for the simulator, so the rows are checked against figures known in advance.
// Values come in the order of the parameters in the file: the cloud (components) before the link.
function outcomes([usdPerHour, mbps]: number[]): OptionOutcome[] {
  const option = (id: string, p95: number, cost: number): OptionOutcome => ({
    id,
    metrics: { [LATENCY_METRIC]: p95, [COST_METRIC]: cost },
    budgets: { 'latency_ms.p95': p95 <= 150 },
    pass: p95 <= 150,
  });
  return [option('local', 50, 0), option('remote', 1000 / mbps, usdPerHour * 730)];
}

// As a Monte Carlo sample's full run reports them: the remote option's latency verdict is left
// undecided where its p95 is within `noise` of the 150 ms budget; the local one's always decided.
function evaluatedOutcomes(values: number[], noise: number): OptionOutcome[] {
  const [local, remote] = outcomes(values);
  const near = Math.abs(remote.metrics[LATENCY_METRIC]! - 150) < noise;
  const evaluation = (undecided: string[]) => ({ method: 'full' as const, requests: 100, undecided });
  return [
    { ...local, evaluation: evaluation([]) },
    { ...remote, evaluation: evaluation(near ? ['latency_ms.p95'] : []) },
  ];
}

function plan(samples: number) {
  const uncertain = uncertainDraft(uncertainTwoTier());
  if (!uncertain) throw new Error('expected uncertain values');
  return planMonteCarlo(uncertain, { samples, seed: 7, requests: 100 });
}

function report(samples = 200, sample: (values: number[]) => OptionOutcome[] = outcomes) {
  const planned = plan(samples);
  return monteCarloReport(
    planned,
    planned.tasks.map((task) => sample(task.values)),
  );
}

describe('the uncertainty panel figures', () => {
  test('a draft without ranges has nothing to sample; one with them names their paths', () => {
    expect(uncertainDraft(twoTierDraft())).toBeNull();
    expect(uncertainDraft(null)).toBeNull();
    expect(uncertainDraft(uncertainTwoTier())?.parameters.map((parameter) => parameter.name)).toEqual([
      'components[1].usd_per_hour',
      'links[0].mbps',
    ]);
  });

  test('a row per option with the spread of p95 latency and cost and the chance of passing', () => {
    const rows = spreadRows(report());
    expect(rows.map((row) => row.option)).toEqual(['local', 'remote']);
    expect(rows[0].latency).toMatchObject({ p5: 50, p50: 50, p95: 50 });
    expect(rows[0].passAll).toBe(1);
    const remote = rows[1];
    // 1000 / mbps for mbps uniform on [5, 15]: p95 latency between 1000/15 and 200 ms.
    expect(remote.latency!.p5).toBeGreaterThan(1000 / 15);
    expect(remote.latency!.p95).toBeLessThan(200);
    expect(remote.latency!.p5).toBeLessThan(remote.latency!.p50);
    expect(remote.latency!.p50).toBeLessThan(remote.latency!.p95);
    // Passing needs mbps >= 1000 / 150 = 6.67: about 5/6 of the samples.
    expect(remote.pass['latency_ms.p95']).toBeGreaterThan(0.7);
    expect(remote.pass['latency_ms.p95']).toBeLessThan(0.95);
    expect(budgetNames(report())).toEqual(['latency_ms.p95']);
  });

  test("a chance of passing reads with its least and most where samples' runs left the verdict undecided", () => {
    const noise = 10;
    const studied = report(200, (values) => evaluatedOutcomes(values, noise));
    const p95s = plan(200).tasks.map((task) => outcomes(task.values)[1].metrics[LATENCY_METRIC]!);
    const share = (count: (p95: number) => boolean) => p95s.filter(count).length / p95s.length;
    const undecided = (p95: number) => Math.abs(p95 - 150) < noise;
    const passing = share((p95) => p95 <= 150);
    const least = share((p95) => p95 <= 150 && !undecided(p95));
    const most = share((p95) => p95 <= 150 || undecided(p95));
    expect(least).toBeLessThan(most);
    const [local, remote] = spreadRows(studied);
    const expected = `${formatPercent(passing)} (${formatPercent(least)}-${formatPercent(most)})`;
    expect(remote.passText['latency_ms.p95']).toBe(expected);
    // One budget: passing them all is passing it.
    expect(remote.passAllText).toBe(expected);
    expect(local.passText['latency_ms.p95']).toBe('100%');
    expect(local.passAllText).toBe('100%');
    expect(someShareHasRange(studied.monte_carlo.options)).toBe(true);
  });

  test('a chance of passing reads alone where every verdict was decided', () => {
    const decided = report(200, (values) => evaluatedOutcomes(values, 0));
    const remote = spreadRows(decided)[1];
    expect(remote.passText['latency_ms.p95']).toBe(formatPercent(remote.pass['latency_ms.p95']));
    expect(remote.passText['latency_ms.p95']).toMatch(/^\d+%$/);
    expect(someShareHasRange(decided.monte_carlo.options)).toBe(false);
    expect(someShareHasRange(report().monte_carlo.options)).toBe(false);
  });

  test('error bars reach from the median down to p5 and up to p95', () => {
    const [, remote] = bandRows(report(), COST_METRIC);
    expect(remote.option).toBe('remote');
    expect(remote.p5 + remote.error[0]).toBeCloseTo(remote.p50);
    expect(remote.p50 + remote.error[1]).toBeCloseTo(remote.p95);
    expect(remote.p5).toBeGreaterThan(0.1 * 730);
    expect(remote.p95).toBeLessThan(0.3 * 730);
  });

  test("the tornado ranks the option's parameters by swing and spans each from its smaller end", () => {
    const latency = tornadoOf(report(), 'remote', LATENCY_METRIC);
    expect(latency.rows.map((row) => row.parameter)).toEqual(['links[0].mbps', 'components[1].usd_per_hour']);
    const [mbps, price] = latency.rows;
    // A faster link lowers the latency: the high end of the parameter is the low end of the bar.
    expect(mbps.high).toBeLessThan(mbps.low);
    expect(mbps.span).toEqual([mbps.high, mbps.low]);
    expect(mbps.swing).toBeCloseTo(mbps.low - mbps.high);
    expect(price.swing).toBe(0);
    expect(latency.nominal).toBeCloseTo(100);
    expect(tornadoOf(report(), 'remote', COST_METRIC).rows[0].parameter).toBe('components[1].usd_per_hour');
    expect(tornadoOf(report(), 'missing', COST_METRIC)).toEqual({ metric: COST_METRIC, nominal: null, rows: [] });
  });

  test('the tornado names each input by label, as the inspector does', () => {
    const draft = uncertainTwoTier();
    const label = (parameter: string) => pathLabel(parsePath(parameter), draft);
    const latency = tornadoOf(report(), 'remote', LATENCY_METRIC, label);
    expect(latency.rows.map((row) => row.parameter)).toEqual([
      'Link uplink bandwidth',
      'Component cloud price per replica',
    ]);
    expect(
      pathLabel(parsePath('links[1].latency_ms.lognormal.median'), { links: [{ id: 'a' }, { id: 'phone-cloud' }] }),
    ).toBe('Link phone-cloud latency median');
    expect(pathLabel(parsePath('workload.load_profile[7]'), draft)).toBe('Workload load profile hour 7');
    expect(pathLabel(parsePath('pipeline[0].compute_ms.uniform[1]'), draft)).toBe('Step capture compute high');
  });
});

describe('axes that keep small bands visible', () => {
  test('a band of a few percent is drawn around itself, a wide one from zero', () => {
    const narrow = bandDomain(980, 1020);
    expect(narrow.fromZero).toBe(false);
    expect(narrow.domain[0]).toBeGreaterThan(900);
    expect(narrow.domain[1]).toBeLessThan(1100);
    expect(bandDomain(100, 1000)).toEqual({ domain: [0, 1050], fromZero: true });
  });

  test('a budget far from the bands stays off the axis rather than squashing them', () => {
    const rows = [{ option: 'a', p50: 1000, p5: 990, p95: 1010, error: [10, 10] as [number, number] }];
    expect(spreadAxis(rows, 5000)).toMatchObject({ budgetShown: false, fromZero: false });
    expect(spreadAxis(rows, 1015)).toMatchObject({ budgetShown: true, fromZero: false });
  });

  test('the tornado axis spans its bars and the nominal value, not zero', () => {
    const [low, high] = tornadoDomain({
      metric: LATENCY_METRIC,
      nominal: 500,
      rows: [{ parameter: 'p', low: 490, high: 520, span: [490, 520], swing: 30, parameterLow: 1, parameterHigh: 2 }],
    });
    expect(low).toBeGreaterThan(480);
    expect(high).toBeLessThan(530);
  });
});
