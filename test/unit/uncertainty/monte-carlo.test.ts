// Monte Carlo draws and reports depend on the seed and the sample index alone.
import { describe, expect, it } from 'vitest';
import {
  evaluateWithValues,
  type MonteCarloSettings,
  monteCarloReport,
  planMonteCarlo,
  sampleValues,
  type UncertainScenario,
} from '../../../simulator';
import { uncertainStation } from './uncertain-station';

function runInProcess(uncertain: UncertainScenario, settings: MonteCarloSettings) {
  const plan = planMonteCarlo(uncertain, settings);
  return monteCarloReport(
    plan,
    plan.tasks.map((task) => {
      const outcome = evaluateWithValues(uncertain, task);
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
      return outcome.options;
    }),
  );
}

describe('Monte Carlo', () => {
  const uncertain = uncertainStation();

  it('gives identical reports for the same seed and sample count', () => {
    const settings = { samples: 12, seed: 5, requests: 300 };
    expect(runInProcess(uncertain, settings)).toEqual(runInProcess(uncertain, settings));
  });

  it('draws other values under another seed', () => {
    expect(sampleValues(uncertain.parameters, 5, 0)).not.toEqual(sampleValues(uncertain.parameters, 6, 0));
  });

  it('draws each sample from its index, whatever the sample count', () => {
    const few = planMonteCarlo(uncertain, { samples: 3, seed: 9, requests: 100 });
    const many = planMonteCarlo(uncertain, { samples: 10, seed: 9, requests: 100 });
    expect(many.tasks.slice(0, 3)).toEqual(few.tasks.slice(0, 3));
  });

  it('draws within the ranges, and the spread of cost follows the price', () => {
    const report = runInProcess(uncertain, { samples: 40, seed: 1, requests: 200 });
    const cost = report.monte_carlo.options[0].metrics['monthly_usd.total'];
    // One replica at 1 to 3 USD an hour, 730 hours a month.
    expect(cost.p5).toBeGreaterThanOrEqual(730);
    expect(cost.p95).toBeLessThanOrEqual(3 * 730);
    expect(cost.p95 - cost.p5).toBeGreaterThan(730);
    // The monthly budget (1500 USD) passes when the price is below about 2.05 USD/h: half the range.
    const pass = report.monte_carlo.options[0].pass_probability.monthly_usd;
    expect(pass).toBeGreaterThan(0.25);
    expect(pass).toBeLessThan(0.8);
  });
});
