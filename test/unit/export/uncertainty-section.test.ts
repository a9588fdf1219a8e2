// The reports' uncertainty section: a chance of passing with its least and most where some
// samples' full runs left the verdict undecided, in whole percents as the terminal table and the
// app write them, and a note saying what the range means only where one is shown.
import { describe, expect, it } from 'vitest';
import { uncertaintySection } from '../../../simulator/export/uncertainty-section';
import type { MonteCarloReport } from '../../../simulator';
import { AR_RESULTS } from './fixtures/ar-results';

const spread = { p5: 1, p50: 2, p95: 3, mean: 2 };
const option = (id: string, range: [number, number]) => ({
  id,
  metrics: { 'latency_ms.p95': spread, 'monthly_usd.total': spread },
  pass_probability: { success_rate: 0.095, monthly_usd: 1 },
  pass_all_probability: 0.095,
  evaluations: { exact: 0, pilot: 100, full: 100, mean_requests: 500 },
  pass_probability_range: { success_rate: range, monthly_usd: [1, 1] as [number, number] },
  pass_all_probability_range: range,
});
const study = (range: [number, number]): MonteCarloReport => ({
  monte_carlo: {
    samples: 200,
    seed: 7,
    requests_per_sample: 2000,
    parameters: [],
    options: [option('cloud', range), option('hybrid', [0.095, 0.095])],
  },
  sensitivity: [],
});

describe("the reports' chance of passing", () => {
  it('gives a share its least and most where samples left its verdict undecided, and says what they mean', () => {
    const section = uncertaintySection(AR_RESULTS, study([0.02, 0.425]), 10);
    expect(section.passProbabilities?.header).toEqual(['Option', 'success rate', 'monthly cost', 'every budget']);
    const [cloud, hybrid] = section.passProbabilities!.rows;
    expect(cloud.slice(1)).toEqual(['10% (2%-43%)', '100%', '10% (2%-43%)']);
    expect(hybrid.slice(1)).toEqual(['10%', '100%', '10%']);
    expect(section.note).toContain('In brackets after a chance of passing: the least and the most it could be');
  });

  it('gives the shares alone, and no note, where every verdict was decided', () => {
    const section = uncertaintySection(AR_RESULTS, study([0.095, 0.095]), 10);
    expect(section.passProbabilities!.rows.map((row) => row.slice(1))).toEqual([
      ['10%', '100%', '10%'],
      ['10%', '100%', '10%'],
    ]);
    expect(section.note).not.toContain('In brackets');
  });
});
