// The terminal table of a Monte Carlo study: a pass share with its least and most where some
// samples' verdicts were left undecided, and the share alone where none were.
import { describe, expect, it } from 'vitest';
import { renderMonteCarloTable } from '../../../cli/monte-carlo/monte-carlo-table';
import type { MonteCarloReport } from '../../../simulator';

const spread = { p5: 1, p50: 2, p95: 3, mean: 2 };
const report = (range: [number, number]): MonteCarloReport => ({
  monte_carlo: {
    samples: 1000,
    seed: 7,
    requests_per_sample: 2000,
    parameters: [],
    options: [
      {
        id: 'cloud',
        metrics: { 'latency_ms.p95': spread, 'monthly_usd.total': spread, success_rate: spread },
        pass_probability: { success_rate: 0.09, monthly_usd: 1 },
        pass_all_probability: 0.09,
        pass_probability_range: { success_rate: range, monthly_usd: [1, 1] },
        pass_all_probability_range: range,
      },
    ],
  },
  sensitivity: [],
});

describe('the Monte Carlo table', () => {
  it('gives a pass share its least and most where samples left its verdict undecided', () => {
    const row = renderMonteCarloTable(report([0.02, 0.33]), { colour: false })
      .split('\n')
      .find((line) => line.startsWith('cloud'))!;
    expect(row).toContain('9% (2%-33%)');
    expect(row).toMatch(/100%\s/);
    expect(row).not.toContain('(100%-100%)');
  });

  it('gives the share alone where every verdict was decided', () => {
    const row = renderMonteCarloTable(report([0.09, 0.09]), { colour: false })
      .split('\n')
      .find((line) => line.startsWith('cloud'))!;
    expect(row).not.toContain('(');
  });
});
