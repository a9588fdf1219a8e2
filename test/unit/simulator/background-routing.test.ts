// The background users' routing (background-routing.ts) checked directly: the rate and service
// mix it gives each shared station in each regime, on stand-ins that record what they are told.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../simulator';
import { alternatingOutages, NEVER_DOWN, scheduledOutages } from '../../../simulator/engine/outage-process';
import { backgroundRegimes } from '../../../simulator/evaluate/background-routing';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import type { RunShape } from '../../../simulator/evaluate/run-shape';
import { buildStations, type StationSet } from '../../../simulator/evaluate/station-set';
import { buildSystemModel, type SystemModel } from '../../../simulator/evaluate/system-model';
import { scenarioFrom } from './queue-scenarios';

// 1,000 users, 10 of them detailed: 990 background users at one request a second, 0.99 a ms.
// Each phone prepares 10 kB, sent over its own radio to an edge and on over a shared backbone
// (8 Mbit/s: 10 ms) to a cloud that runs 4 ms of inference; when the backbone is down the
// inference falls back to the edge. The answer (0 kB) goes back the same way.
const BACKGROUND_PER_MS = 0.99;
const edgeAndCloud = (
  overrides: { radio?: object; backbone?: object; workload?: object; option?: object; model?: boolean } = {},
) =>
  scenarioFrom({
    placewise: 1,
    name: 'background',
    hardware: { box: { cores: 1, gflops: 1 } },
    components: [
      { id: 'phone', kind: 'phone', hardware: 'box' },
      { id: 'edge', kind: 'edge', hardware: 'box' },
      { id: 'cloud', kind: 'cloud', hardware: 'box' },
    ],
    links: [
      { id: 'radio', between: ['phone', 'edge'], tech: 'wifi', latency_ms: 0, ...overrides.radio },
      { id: 'backbone', between: ['edge', 'cloud'], tech: 'ethernet', mbps: 8, latency_ms: 0, ...overrides.backbone },
    ],
    workload: { users: 1000, per_user_rps: 1, source: 'phone', requests: 100, ...overrides.workload },
    pipeline: [
      { id: 'prepare', at: 'phone', compute_ms: 1, output_kb: 10 },
      // A model of 0.004 GFLOP at 1 GFLOPS (a batch runs a model) takes the same 4 ms.
      overrides.model
        ? { id: 'infer', at: 'cloud', model: 'm', output_kb: 0 }
        : { id: 'infer', at: 'cloud', compute_ms: 4, output_kb: 0 },
    ],
    models: [{ id: 'm', size_mb: 1, gflop: 0.004 }],
    options: [{ id: 'only', fallback: { infer: { at: 'edge' } }, ...overrides.option }],
  } as ScenarioInput);

interface Recorded {
  rate: number;
  meanService: number | undefined;
}

/** The option's stations with stand-ins that record the rates set and the catch-ups asked for. */
function recordedRegimes(system: SystemModel, maxRegimeChanges = 1e6, batcherWake = Number.NaN) {
  const plan = buildOptionPlan(system, system.scenario.options[0]);
  const shape: RunShape = {
    detailedUsers: 10,
    warmup: 0,
    arrivals: 100,
    capacity: 100,
    backgroundLimit: 1e9,
    initialReplicas: system.components.map(() => 1),
  };
  const real = buildStations(system, plan, shape, 1, { batchService: () => 1, dispatch: () => undefined });
  const rates = new Map<number, Recorded>();
  const caughtUp: [number, number][] = [];
  const batcherRates: [number, number, number][] = [];
  const set: StationSet = {
    ...real,
    stations: real.stations.map((_station, index) => ({ catchUp: (time: number) => caughtUp.push([index, time]) })),
    background: real.background.map(
      (load, index) =>
        load && {
          setRate: (rate: number, service?: { mean: number }) => rates.set(index, { rate, meanService: service?.mean }),
        },
    ),
    batchers: real.batchers.map((_batcher, index) => ({
      setBackgroundRate: (time: number, rate: number) => {
        batcherRates.push([index, time, rate]);
        return batcherWake;
      },
    })),
  } as unknown as StationSet;
  const horizonS = 1000;
  const outages = system.links.map((link) => {
    if (!link.outages) return NEVER_DOWN;
    if ('schedule' in link.outages) return scheduledOutages(link.outages.schedule, horizonS);
    return alternatingOutages(link.outages.every_s, link.outages.lasting_s, link.shared ? 1 : 10, 1, link.id);
  });
  const regimes = backgroundRegimes(system, plan, set, outages, horizonS * 1000, maxRegimeChanges);
  const component = (id: string) => real.componentBase[system.componentIndex.get(id)!];
  const backbone = system.links.find((link) => link.id === 'backbone')!.index;
  const at = (station: number) => rates.get(station) ?? { rate: Number.NaN, meanService: undefined };
  return {
    regimes,
    caughtUp,
    batcherRates,
    rates,
    cloud: () => at(component('cloud')),
    edge: () => at(component('edge')),
    // Direction 0 runs towards the link's second end: edge to cloud.
    up: () => at(real.linkBase[backbone * 2]),
    down: () => at(real.linkBase[backbone * 2 + 1]),
    backgroundStations: real.background.flatMap((load, index) => (load ? [index] : [])),
  };
}

describe("the background users' routing", () => {
  it('is not needed when every user is simulated in detail', () => {
    const system = buildSystemModel(edgeAndCloud({ workload: { users: 10 } }));
    expect(recordedRegimes(system).regimes).toBeUndefined();
  });

  it("puts the other users' requests on each shared station they visit, with that station's work", () => {
    const run = recordedRegimes(buildSystemModel(edgeAndCloud()));
    expect(run.regimes!.apply(0, () => undefined)).toBe(Number.POSITIVE_INFINITY);
    expect(run.cloud()).toEqual({ rate: BACKGROUND_PER_MS, meanService: 4 });
    // 10 kB at 8 Mbit/s towards the cloud, nothing on the way back.
    expect(run.up()).toEqual({ rate: BACKGROUND_PER_MS, meanService: 10 });
    expect(run.down()).toEqual({ rate: BACKGROUND_PER_MS, meanService: 0 });
    // Nothing runs at the edge: no rate and no service.
    expect(run.edge()).toEqual({ rate: 0, meanService: undefined });
    // Only the shared stations have a background (the phones and radios are the detailed users').
    expect([...run.rates.keys()].sort((a, b) => a - b)).toEqual(run.backgroundStations);
    expect(run.caughtUp.map(([station]) => station)).toEqual(run.backgroundStations);
  });

  it("counts a per-user link's outages with their long-run share: those requests fail", () => {
    // Down 10 s in every 100 s: a tenth of the background users cannot reach the edge, and the
    // fallback (at the edge) needs the radio too.
    const run = recordedRegimes(
      buildSystemModel(
        edgeAndCloud({ radio: { outages: { every_s: { constant: 90 }, lasting_s: { constant: 10 } } } }),
      ),
    );
    expect(run.regimes!.apply(0, () => undefined)).toBe(Number.POSITIVE_INFINITY);
    expect(run.cloud().rate).toBeCloseTo(0.9 * BACKGROUND_PER_MS, 12);
    expect(run.up().rate).toBeCloseTo(0.9 * BACKGROUND_PER_MS, 12);
  });

  describe('follows a shared outage as it comes and goes', () => {
    const scheduled = () =>
      recordedRegimes(buildSystemModel(edgeAndCloud({ backbone: { outages: { schedule: [[10, 20]] } } })));

    it('changing the routing when the backbone goes down and when it comes back', () => {
      const run = scheduled();
      // Up until 10 s: as without outages.
      expect(run.regimes!.apply(0, () => undefined)).toBe(10_000);
      expect(run.cloud()).toEqual({ rate: BACKGROUND_PER_MS, meanService: 4 });
      // Down until 20 s: every inference falls back to the edge and nothing crosses the backbone.
      run.caughtUp.length = 0;
      expect(run.regimes!.apply(10_000, () => undefined)).toBe(20_000);
      expect(run.cloud()).toEqual({ rate: 0, meanService: undefined });
      expect(run.edge()).toEqual({ rate: BACKGROUND_PER_MS, meanService: 4 });
      expect(run.up()).toEqual({ rate: 0, meanService: undefined });
      // Each background stream caught up to the change in the regime before.
      expect(run.caughtUp).toEqual(run.backgroundStations.map((station) => [station, 10_000]));
      // Up again for good.
      expect(run.regimes!.apply(20_000, () => undefined)).toBe(Number.POSITIVE_INFINITY);
      expect(run.cloud()).toEqual({ rate: BACKGROUND_PER_MS, meanService: 4 });
      expect(run.edge()).toEqual({ rate: 0, meanService: undefined });
    });

    it('leaving the streams alone when the regime has not changed', () => {
      const run = scheduled();
      run.regimes!.apply(0, () => undefined);
      run.rates.clear();
      run.caughtUp.length = 0;
      expect(run.regimes!.apply(5000, () => undefined)).toBe(10_000);
      expect(run.rates.size).toBe(0);
      expect(run.caughtUp).toEqual([]);
    });
  });

  it("follows a per-user link's schedule too: every user's link is down at the same times", () => {
    const run = recordedRegimes(buildSystemModel(edgeAndCloud({ radio: { outages: { schedule: [[10, 20]] } } })));
    expect(run.regimes!.apply(0, () => undefined)).toBe(10_000);
    expect(run.cloud().rate).toBe(BACKGROUND_PER_MS);
    // No request reaches the edge: none reaches the cloud either.
    expect(run.regimes!.apply(10_000, () => undefined)).toBe(20_000);
    expect(run.cloud().rate).toBe(0);
  });

  describe("a shared link's random outages", () => {
    // Cycles of 100 s over a 1,000 s horizon: 20 changes of state.
    const flapping = (maxRegimeChanges: number) =>
      recordedRegimes(
        buildSystemModel(
          edgeAndCloud({ backbone: { outages: { every_s: { constant: 90 }, lasting_s: { constant: 10 } } } }),
        ),
        maxRegimeChanges,
      );

    it('change the regime when they change it at most as often as allowed', () => {
      const run = flapping(20);
      const next = run.regimes!.apply(0, () => undefined);
      expect(next).toBeLessThanOrEqual(90_000);
      // All of the background in one place or the other, as the backbone is up or down.
      expect(run.cloud().rate + run.edge().rate).toBe(BACKGROUND_PER_MS);
      expect(run.cloud().rate * run.edge().rate).toBe(0);
    });

    it('count with their long-run share when they would change it more often', () => {
      const run = flapping(19);
      expect(run.regimes!.apply(0, () => undefined)).toBe(Number.POSITIVE_INFINITY);
      expect(run.cloud().rate).toBeCloseTo(0.9 * BACKGROUND_PER_MS, 12);
      expect(run.edge().rate).toBeCloseTo(0.1 * BACKGROUND_PER_MS, 12);
    });
  });

  it('scales the rates by the hour of a load profile, changing at each hour', () => {
    // The profile's busiest hour is 4 requests a second a user; hour 1 is at half of it. The cloud
    // batches its inferences: their rate goes to its batcher.
    const profile = [4, 2, ...Array<number>(22).fill(4)];
    const run = recordedRegimes(
      buildSystemModel(
        edgeAndCloud({
          workload: { per_user_rps: 1, load_profile: profile, duration_s: 7200, requests: undefined },
          option: { batching: { cloud: { max_batch: 4, max_wait_ms: 10 } } },
          model: true,
        }),
      ),
    );
    expect(run.regimes!.apply(0, () => undefined)).toBe(3_600_000);
    expect(run.up().rate).toBeCloseTo(4 * BACKGROUND_PER_MS, 12);
    expect(run.batcherRates.at(-1)![2]).toBeCloseTo(4 * BACKGROUND_PER_MS, 12);
    expect(run.regimes!.apply(3_600_000, () => undefined)).toBe(7_200_000);
    expect(run.up().rate).toBeCloseTo(2 * BACKGROUND_PER_MS, 12);
    expect(run.batcherRates.at(-1)![2]).toBeCloseTo(2 * BACKGROUND_PER_MS, 12);
    // Hour 25 is hour 1 of the next day.
    expect(run.regimes!.apply(25 * 3_600_000, () => undefined)).toBe(26 * 3_600_000);
    expect(run.up().rate).toBeCloseTo(2 * BACKGROUND_PER_MS, 12);
  });

  it('sends batched inferences to the batcher and fallbacks to their station, and wakes a batcher when asked', () => {
    // The cloud batches; the backbone is down for the first 10 s, when inferences fall back to the edge.
    const woken: [number, number][] = [];
    const run = recordedRegimes(
      buildSystemModel(
        edgeAndCloud({
          backbone: { outages: { schedule: [[0, 10]] } },
          option: { batching: { cloud: { max_batch: 4, max_wait_ms: 10 } } },
          model: true,
        }),
      ),
      1e6,
      42,
    );
    run.regimes!.apply(0, (batcher, at) => woken.push([batcher, at]));
    expect(run.batcherRates).toEqual([[0, 0, 0]]);
    expect(run.edge().rate).toBe(BACKGROUND_PER_MS);
    expect(run.edge().meanService).toBeCloseTo(4, 9);
    run.regimes!.apply(10_000, (batcher, at) => woken.push([batcher, at]));
    expect(run.batcherRates[1]).toEqual([0, 10_000, BACKGROUND_PER_MS]);
    expect(run.edge()).toEqual({ rate: 0, meanService: undefined });
    // The cloud's station gets no inference of its own: the batcher's batches go to it.
    expect(run.cloud()).toEqual({ rate: 0, meanService: undefined });
    expect(woken).toEqual([
      [0, 42],
      [0, 42],
    ]);
  });

  it('wakes no batcher whose batch time is unchanged', () => {
    const batched = { batching: { cloud: { max_batch: 4, max_wait_ms: 10 } } };
    const woken: [number, number][] = [];
    const run = recordedRegimes(buildSystemModel(edgeAndCloud({ option: batched, model: true })));
    run.regimes!.apply(0, (batcher, at) => woken.push([batcher, at]));
    expect(run.batcherRates).toHaveLength(1);
    expect(woken).toEqual([]);
  });
});
