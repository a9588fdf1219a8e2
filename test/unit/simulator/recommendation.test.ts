import { describe, expect, it } from 'vitest';
import type { OptionResult } from '../../../simulator';
import { recommend } from '../../../simulator/evaluate/budget-verdicts';

function option(id: string, usd: number, p95: number, verdicts: boolean[]): OptionResult {
  return {
    id,
    monthly_usd: { total: usd, compute: usd, network: 0, updates: 0, telemetry: 0 },
    latency_ms: { mean: p95 / 2, p50: p95 / 2, p90: p95, p95, p99: p95, max: p95 },
    budgets: verdicts.map((pass, index) => ({ name: `b${index}`, limit: 1, value: pass ? 0 : 2, pass })),
    pass: verdicts.every(Boolean),
  } as OptionResult;
}

describe('the recommendation rule', () => {
  it('picks the cheapest option that passes every budget', () => {
    const result = recommend([
      option('fast', 900, 100, [true, true]),
      option('cheap', 100, 400, [true, true]),
      option('cheapest-but-failing', 10, 50, [true, false]),
    ]);
    expect(result).toEqual({ id: 'cheap', reason: 'cheap is the cheapest of the 2 options that pass every budget' });
  });

  it('with none passing, picks the one failing fewest budgets, then the lower p95', () => {
    const result = recommend([
      option('a', 10, 300, [false, false]),
      option('b', 50, 400, [false, true]),
      option('c', 20, 200, [true, false]),
    ]);
    expect(result.id).toBe('c');
    expect(result.reason).toBe('no option passes every budget; c fails the fewest (1)');
  });

  it('recommends nothing when there are no options', () => {
    expect(recommend([]).id).toBeNull();
  });
});
