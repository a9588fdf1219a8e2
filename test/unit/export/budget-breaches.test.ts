import { describe, expect, it } from 'vitest';
import { budgetBreaches } from '../../../simulator/export/budget-breaches';
import { fixtureScenario } from './ar-scenario';
import { AR_RESULTS } from './fixtures/ar-results';

const scenario = fixtureScenario();
const option = (id: string) => AR_RESULTS.options.find((candidate) => candidate.id === id)!;

describe('budgetBreaches', () => {
  it('marks links busier than the utilisation budget', () => {
    expect([...budgetBreaches(scenario, option('cloud')).links]).toEqual(['glasses-phone']);
  });

  it('marks battery components that run out before the budget, and saturated components', () => {
    expect([...budgetBreaches(scenario, option('on-glasses')).components]).toEqual(['glasses']);
    expect([...budgetBreaches(scenario, option('split')).components]).toEqual(['glasses']);
  });

  it('marks a saturated link even with no utilisation budget', () => {
    const unbudgeted = { ...scenario, budgets: {} };
    const saturated = {
      ...option('hybrid'),
      links: [{ id: 'phone-cloud', utilization: 1.2, mean_mbps: 20, gb_per_month: 1 }],
      budgets: [],
    };
    expect([...budgetBreaches(unbudgeted, saturated).links]).toEqual(['phone-cloud']);
  });

  it('marks nothing for an option within its budgets, or without results', () => {
    const within = budgetBreaches(scenario, option('hybrid'));
    expect([within.links.size, within.components.size]).toEqual([0, 0]);
    expect(budgetBreaches(scenario, undefined).links.size).toBe(0);
  });
});
