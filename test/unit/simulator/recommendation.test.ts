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
    expect(result).toEqual({
      id: 'cheap',
      reason: 'cheap is the cheapest of the 2 options (of 3 simulated) that pass every budget',
    });
  });

  it('speaks of the options simulated, not of options it never saw', () => {
    const alone = option('hybrid', 100, 400, [true, true]);
    expect(recommend([alone]).reason).toBe('hybrid, the only option simulated, passes every budget');
    expect(recommend([alone, option('cloud', 50, 300, [false, true])]).reason).toBe(
      'hybrid is the only option of the 2 simulated that passes every budget',
    );
    expect(recommend([option('cloud', 50, 300, [false, false])]).reason).toBe(
      'cloud, the only option simulated, breaks 2 budgets',
    );
  });

  it('with none passing, picks the one failing fewest budgets, then the lower p95', () => {
    const result = recommend([
      option('a', 10, 300, [false, false]),
      option('b', 50, 400, [false, true]),
      option('c', 20, 200, [true, false]),
    ]);
    expect(result.id).toBe('c');
    expect(result.reason).toBe('no option of the 3 simulated passes every budget; c breaks the fewest (1 budget)');
  });

  it('recommends nothing when there are no options', () => {
    expect(recommend([])).toEqual({ id: null, reason: 'no options were evaluated' });
  });
});

describe('the recommendation rule at its boundaries', () => {
  // [case, options, recommended]
  const table: [string, OptionResult[], string][] = [
    [
      'passing options equal in cost: the lower p95',
      [option('slow', 100, 400, [true]), option('fast', 100, 300, [true])],
      'fast',
    ],
    [
      'a passing option beats a cheaper, faster failing one',
      [option('failing', 1, 1, [false]), option('passing', 100, 400, [true])],
      'passing',
    ],
    [
      'none passing, equal failures: the lower p95 before the cost',
      [option('cheap', 10, 500, [false]), option('fast', 90, 100, [false])],
      'fast',
    ],
    [
      'none passing, equal failures and p95: the cheaper',
      [option('dear', 90, 100, [false]), option('cheap', 10, 100, [false])],
      'cheap',
    ],
    [
      // An option none of whose requests completed has NaN latency: it ranks after every option
      // with a latency, although NaN compares as neither lower nor higher and it is cheaper.
      'none passing, equal failures: an option without latency ranks last',
      [option('nothing-completes', 1, Number.NaN, [false]), option('completes', 90, 900, [false])],
      'completes',
    ],
    [
      'none passing, without latency listed last',
      [option('completes', 90, 900, [false]), option('nothing-completes', 1, Number.NaN, [false])],
      'completes',
    ],
    [
      'none passing: fewer failures outrank a latency',
      [option('two', 1, 10, [false, false]), option('one', 90, Number.NaN, [false, true])],
      'one',
    ],
  ];
  it.each(table)('%s', (_name, options, recommended) => {
    expect(recommend(options).id).toBe(recommended);
  });
});
