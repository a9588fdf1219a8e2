// Percentiles and budget odds over Monte Carlo samples.
import { describe, expect, it } from 'vitest';
import { type OptionOutcome, percentile, summarizeSamples } from '../../../simulator';

describe('percentiles over samples', () => {
  it('interpolate linearly between order statistics, as numpy does', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 0.95)).toBeCloseTo(48, 12);
    expect(percentile([7], 0.05)).toBe(7);
  });
});

describe('a Monte Carlo summary', () => {
  const sample = (p95: number, offline: number | null, passLatency: boolean): OptionOutcome[] => [
    {
      id: 'a',
      metrics: { 'latency_ms.p95': p95, 'offline.success_rate': offline },
      budgets: { 'latency_ms.p95': passLatency, monthly_usd: true },
      pass: passLatency,
    },
  ];

  it('gives each metric its spread and each budget the share of samples that pass it', () => {
    const samples = Array.from({ length: 21 }, (_, index) => sample(100 + index, index < 10 ? null : 0.9, index < 15));
    const [option] = summarizeSamples(samples);
    expect(option.metrics['latency_ms.p95']).toEqual({ p5: 101, p50: 110, p95: 119, mean: 110 });
    // Samples with no offline request have no offline success rate: the spread is over the others.
    expect(option.metrics['offline.success_rate'].p50).toBe(0.9);
    expect(option.pass_probability).toEqual({ 'latency_ms.p95': 15 / 21, monthly_usd: 1 });
    expect(option.pass_all_probability).toBe(15 / 21);
  });
});

describe('the pass share ranges of a Monte Carlo summary', () => {
  const sample = (pass: boolean, undecided: string[]): OptionOutcome[] => [
    {
      id: 'a',
      metrics: {},
      budgets: { 'latency_ms.p95': pass, monthly_usd: true },
      pass,
      evaluation: { method: 'full', requests: 2000, undecided },
    },
  ];

  it('count the undecided samples failing for the least share and passing for the most', () => {
    // 10 samples: 4 decided passing, 2 undecided passing, 1 undecided failing, 3 decided failing.
    const samples = [
      ...Array.from({ length: 4 }, () => sample(true, [])),
      ...Array.from({ length: 2 }, () => sample(true, ['latency_ms.p95'])),
      sample(false, ['latency_ms.p95']),
      ...Array.from({ length: 3 }, () => sample(false, [])),
    ];
    const [option] = summarizeSamples(samples);
    expect(option.pass_probability['latency_ms.p95']).toBe(0.6);
    expect(option.pass_probability_range).toEqual({ 'latency_ms.p95': [0.4, 0.7], monthly_usd: [1, 1] });
    expect(option.pass_all_probability_range).toEqual([0.4, 0.7]);
  });

  it('are absent where no sample was evaluated adaptively (a tornado run, a summary of old outcomes)', () => {
    const [option] = summarizeSamples([[{ id: 'a', metrics: {}, budgets: { monthly_usd: true }, pass: true }]]);
    expect(option.pass_probability_range).toBeUndefined();
    expect(option.pass_all_probability_range).toBeUndefined();
  });
});
