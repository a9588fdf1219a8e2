// The tornado ranks parameters by the swing they cause in each option's metric.
import { describe, expect, it } from 'vitest';
import {
  evaluateWithValues,
  monteCarloReport,
  type OptionOutcome,
  planMonteCarlo,
  rankTornado,
} from '../../../simulator';
import { uncertainStation } from './uncertain-station';

const outcome = (id: string, p95: number, usd: number): OptionOutcome => ({
  id,
  metrics: { 'latency_ms.p95': p95, 'monthly_usd.total': usd },
  budgets: {},
  pass: true,
});

describe('tornado ranking', () => {
  it('orders parameters by swing, per option and metric', () => {
    const nominal = [outcome('a', 100, 1000), outcome('b', 50, 500)];
    const bars = rankTornado(nominal, [
      {
        parameter: 'small',
        parameterLow: 1,
        parameterHigh: 2,
        low: [outcome('a', 95, 1000), outcome('b', 50, 400)],
        high: [outcome('a', 105, 1000), outcome('b', 50, 600)],
      },
      {
        parameter: 'large',
        parameterLow: 1,
        parameterHigh: 2,
        low: [outcome('a', 130, 900), outcome('b', 40, 500)],
        high: [outcome('a', 70, 1100), outcome('b', 60, 500)],
      },
    ]);
    const summary = bars.map((bar) => `${bar.option} ${bar.metric} ${bar.rank} ${bar.parameter} ${bar.swing}`);
    expect(summary).toEqual([
      'a latency_ms.p95 1 large 60',
      'a latency_ms.p95 2 small 10',
      'a monthly_usd.total 1 large 200',
      'a monthly_usd.total 2 small 0',
      'b latency_ms.p95 1 large 20',
      'b latency_ms.p95 2 small 0',
      'b monthly_usd.total 1 small 200',
      'b monthly_usd.total 2 large 0',
    ]);
    expect(bars[0]).toMatchObject({ low: 130, high: 70, nominal: 100 });
  });

  it('names the service time for latency and the price for cost on a one-server scenario', () => {
    const uncertain = uncertainStation();
    const plan = planMonteCarlo(uncertain, { samples: 0, seed: 3, requests: 2000 });
    const report = monteCarloReport(
      plan,
      plan.tasks.map((task) => {
        const evaluated = evaluateWithValues(uncertain, task);
        if (!evaluated.ok) throw new Error(JSON.stringify(evaluated.errors));
        return evaluated.options;
      }),
    );
    const first = (metric: string) => report.sensitivity.find((bar) => bar.metric === metric && bar.rank === 1);
    expect(first('latency_ms.p95')?.parameter).toBe('pipeline[0].compute_ms.exponential');
    expect(first('monthly_usd.total')?.parameter).toBe('components[0].usd_per_hour');
    // The price moves cost by 730 h x (its 95th - 5th percentile) = 730 x 1.8 USD, and latency not at all.
    expect(first('monthly_usd.total')?.swing).toBeCloseTo(730 * 1.8, 6);
    const priceOnLatency = report.sensitivity.find(
      (bar) => bar.metric === 'latency_ms.p95' && bar.parameter === 'components[0].usd_per_hour',
    );
    expect(priceOnLatency?.swing).toBe(0);
  });
});
