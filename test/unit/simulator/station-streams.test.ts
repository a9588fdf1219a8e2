// The stations of a run draw their randomness from streams of their own: two shared stations
// with the same background load see different background arrivals (a shared stream would
// make their queues move together), and the same station sees the same ones at the same seed.
import { describe, expect, it } from 'vitest';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import type { RunShape } from '../../../simulator/evaluate/run-shape';
import { buildStations } from '../../../simulator/evaluate/station-set';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import { constantSampler } from '../../../simulator/random/sampler';
import { scenarioFrom } from './queue-scenarios';

function stationsAt(seed: number) {
  const system = buildSystemModel(
    scenarioFrom({
      placewise: 1,
      name: 'two shared servers',
      hardware: { box: { cores: 1, gflops: 1 }, quad: { cores: 4, gflops: 4 } },
      components: [
        { id: 'front', kind: 'cloud', hardware: 'box' },
        { id: 'back', kind: 'cloud', hardware: 'quad', replicas: 3 },
      ],
      links: [{ id: 'dc', between: ['front', 'back'], tech: 'ethernet' }],
      workload: { users: 1000, per_user_rps: 0.01, source: 'front', requests: 100 },
      pipeline: [
        { id: 'parse', at: 'front', compute_ms: 1 },
        { id: 'infer', at: 'back', compute_ms: 1 },
      ],
      options: [{ id: 'only' }],
    }),
  );
  const plan = buildOptionPlan(system, system.scenario.options[0]);
  // One user in detail, the other 999 background.
  const shape: RunShape = {
    detailedUsers: 1,
    warmup: 10,
    arrivals: 100,
    capacity: 100,
    backgroundLimit: 1e6,
    initialReplicas: [1, 3],
  };
  const hooks = { batchService: () => 0, dispatch: () => {} };
  return buildStations(system, plan, shape, seed, hooks);
}

/** The arrival times of the background admitted into station `index` over 1 s at 0.1 jobs per ms. */
function backgroundArrivals(set: ReturnType<typeof stationsAt>, index: number): number[] {
  const arrivals: number[] = [];
  const load = set.background[index]!;
  load.setRate(0.1, constantSampler(1));
  load.admitUntil(1000, { admit: (arrival) => arrivals.push(arrival) });
  return arrivals;
}

describe('background streams', () => {
  it('differ between shared stations, components and link directions alike, and repeat at a seed', () => {
    const set = stationsAt(7);
    const indexes = [set.componentBase[0], set.componentBase[1], set.linkBase[0], set.linkBase[1]];
    const arrivals = indexes.map((index) => backgroundArrivals(set, index));
    for (const list of arrivals) expect(list.length).toBeGreaterThan(0);
    for (let a = 0; a < arrivals.length; a++)
      for (let b = a + 1; b < arrivals.length; b++) expect(arrivals[a]).not.toEqual(arrivals[b]);
    expect(backgroundArrivals(stationsAt(7), indexes[1])).toEqual(arrivals[1]);
  });
});

describe('servers', () => {
  it('are a shared component’s cores on each of its replicas', () => {
    const set = stationsAt(7);
    const servers = (index: number) => (set.stations[index] as unknown as { servers: number }).servers;
    expect([servers(set.componentBase[0]), servers(set.componentBase[1])]).toEqual([1, 12]);
  });
});
