// What the event loop reads of a plan's steps and of the system's links and routes
// (run-tables.ts): the plan's and system's own figures, made once and shared by every run.
import { describe, expect, it } from 'vitest';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { stepTables, systemTables } from '../../../simulator/evaluate/run-tables';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import { scenarioFrom } from './queue-scenarios';

const scenario = scenarioFrom({
  placewise: 1,
  name: 'tables',
  hardware: { box: { cores: 1, gflops: 1 } },
  components: [
    { id: 'phone', kind: 'phone', hardware: 'box' },
    { id: 'edge', kind: 'edge', hardware: 'box' },
    { id: 'cloud', kind: 'cloud', hardware: 'box' },
  ],
  links: [
    { id: 'wifi', between: ['phone', 'edge'], tech: 'wifi', mbps: 50 },
    { id: 'wan', between: ['edge', 'cloud'], tech: 'wan', mbps: 100, latency_ms: 4 },
  ],
  models: [
    { id: 'small', size_mb: 1, gflop: 0.01, accuracy: 0.8 },
    { id: 'large', size_mb: 1, gflop: 0.1, accuracy: 0.95 },
  ],
  workload: { users: 3, per_user_rps: 1, source: 'phone', requests: 100 },
  pipeline: [
    { id: 'capture', at: 'phone', compute_ms: 1, output_kb: 20, personal: true },
    { id: 'infer', model: 'small', output_kb: 2 },
  ],
  options: [
    {
      id: 'edge',
      place: { infer: 'edge' },
      cache: { infer: { at: 'edge', hit_rate: 0.25 } },
      cascade: { infer: { at: 'cloud', model: 'large', escalate_rate: 0.1 } },
    },
  ],
});

describe("a run's tables", () => {
  const system = buildSystemModel(scenario);
  const plan = buildOptionPlan(system, scenario.options[0]);

  it("hold each step's figures, 1 for a placement without a model's accuracy and -1 for no cache", () => {
    const tables = stepTables(plan);
    expect(tables.personalOutput).toEqual([true, false]);
    expect(Array.from(tables.primaryAccuracy)).toEqual([1, 0.8]);
    expect(Array.from(tables.fallbackAccuracy)).toEqual([1, 1]);
    expect(Array.from(tables.secondAccuracy)).toEqual([1, 0.95]);
    expect(Array.from(tables.primaryComponent)).toEqual([0, 1]);
    expect(Array.from(tables.hasCascade)).toEqual([0, 1]);
    expect(Array.from(tables.escalateRate)).toEqual([0, 0.1]);
    expect(Array.from(tables.cacheComponent)).toEqual([-1, 1]);
    expect(Array.from(tables.cacheHitRate)).toEqual([0, 0.25]);
    expect(Array.from(tables.inputKb)).toEqual([0, 20]);
    expect(Array.from(tables.outputKb)).toEqual([20, 2]);
  });

  it("hold each link's figures and the first hop of every route, by from * components + to", () => {
    const tables = systemTables(system);
    expect(Array.from(tables.linkShared)).toEqual([0, 1]);
    expect(Array.from(tables.linkMbps)).toEqual([50, 100]);
    expect(tables.linkLatency).toEqual([system.links[0].latency, system.links[1].latency]);
    expect(Array.from(tables.componentShared)).toEqual([0, 1, 1]);
    // phone -> cloud goes over wifi to the edge first; cloud -> phone over the wan to the edge.
    const hop = (from: number, to: number) => [
      tables.firstHopLink[from * 3 + to],
      tables.firstHopTo[from * 3 + to],
      tables.firstHopDirection[from * 3 + to],
    ];
    expect(hop(0, 2)).toEqual([0, 1, 0]);
    expect(hop(2, 0)).toEqual([1, 1, 1]);
    expect(hop(1, 1)[0]).toBe(-1);
  });

  it('are made once per plan and per system', () => {
    expect(stepTables(plan)).toBe(stepTables(plan));
    expect(systemTables(system)).toBe(systemTables(system));
    expect(stepTables(buildOptionPlan(system, scenario.options[0]))).not.toBe(stepTables(plan));
  });
});
