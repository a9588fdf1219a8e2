// After a load sweep the Capacity view offers the replicas today's load needs, with the saving.
import { describe, expect, test } from 'vitest';
import { replicaAdvice } from '../../../app/capacity/replica-advice';
import type { CapacitySweep } from '../../../simulator/capacity/index';
import { twoTierDraft } from './scenario-draft';

function sweep(needed: number | null): CapacitySweep {
  return {
    component: 'cloud',
    usd_per_hour: 0.5,
    current: { rps: 10, users: 10, replicas: 4, needed_replicas: needed, needed_p95_ms: 120 },
  } as CapacitySweep;
}

describe('replica advice', () => {
  const draft = () => {
    const value = twoTierDraft();
    value.components[1].replicas = 4;
    return value;
  };

  test('fewer replicas save their monthly price', () => {
    const advice = replicaAdvice(sweep(2), draft())!;
    expect(advice).toMatchObject({ index: 1, replicas: 2, saving: 730, label: 'Apply 2 replicas' });
    expect(advice.reason).toBe("cloud has 4; 2 meet the budget (p95 120 ms at today's load) and save $730 a month.");
  });

  test('more replicas say what meeting the budget costs', () => {
    expect(replicaAdvice(sweep(5), draft())).toMatchObject({ replicas: 5, saving: -365 });
  });

  test('nothing to offer when the count is right, none suffices, or replicas are autoscaled', () => {
    expect(replicaAdvice(sweep(4), draft())).toBeNull();
    expect(replicaAdvice(sweep(null), draft())).toBeNull();
    const scaled = draft();
    scaled.components[1].replicas = { min: 1, max: 4, target_utilization: 0.5 };
    expect(replicaAdvice(sweep(2), scaled)).toBeNull();
  });
});
