// A step's placement (option-plan.ts) has one shape whether or not its component is a device
// population: the event loop reads the placements of every option, and V8 keeps its functions
// compiled for one hidden class only while every placement has the same fields in one order.
import { describe, expect, it } from 'vitest';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import { scenarioFrom } from './queue-scenarios';

describe('step placements', () => {
  it('have the same fields, in the same order, on a hardware mix and on one hardware', () => {
    const system = buildSystemModel(
      scenarioFrom({
        placewise: 1,
        name: 'mix',
        hardware: { handset: { cores: 1, gflops: 1 }, box: { cores: 4, gflops: 1 } },
        components: [
          {
            id: 'phone',
            kind: 'phone',
            hardware_mix: [
              { hardware: 'handset', share: 0.5 },
              { hardware: 'box', share: 0.5 },
            ],
          },
          { id: 'cloud', kind: 'cloud', hardware: 'box' },
        ],
        links: [{ id: 'net', between: ['phone', 'cloud'], tech: 'ethernet', latency_ms: 0 }],
        workload: { users: 10, per_user_rps: 1, source: 'phone', requests: 100 },
        pipeline: [
          { id: 'infer', at: 'phone', compute_ms: 2 },
          { id: 'serve', at: 'cloud', compute_ms: 1 },
        ],
        options: [{ id: 'only' }],
      }),
    );
    const [onMix, onOne] = buildOptionPlan(system, system.scenario.options[0]).steps.map((step) => step.primary);
    expect(onMix.tierServices).toHaveLength(2);
    expect(onOne.tierServices).toBeUndefined();
    expect(Object.keys(onOne)).toEqual(Object.keys(onMix));
  });
});
