// The analytic formulas at their edges, against values worked out by hand (the engine's checks
// against queueing theory are in queueing-theory.test.ts and queueing-estimate.test.ts).
import { describe, expect, it } from 'vitest';
import { meanWait } from '../../../simulator/analytic/erlang';

describe('mean wait of an M/G/c station', () => {
  it('is nothing without load, even on no servers (an autoscaled pool scaled to zero)', () => {
    expect(meanWait(0, 0, 10, 1)).toBe(0);
  });

  it('is endless at full load, also when arrivals and service are both regular', () => {
    // Offered load 0.1/ms x 10 ms = 1 on one server: saturated. The M/M/c wait is S / 0 there, and
    // the D/D/1 factor (0 + 0) / 2 must not turn it into 0 x Infinity = NaN.
    expect(meanWait(1, 0.1, 10, 0, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('is the Pollaczek-Khinchine wait for one server', () => {
    // M/D/1 at rho = 0.7, S = 10 ms: Wq = rho S / (2 (1 - rho)) = 7 / 0.6 ms.
    expect(meanWait(1, 0.07, 10, 0)).toBeCloseTo(7 / 0.6, 9);
  });
});
