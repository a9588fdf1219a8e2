// The rules behind an option's caveats, each on its boundary: what makes a run not stationary,
// which warnings a run's figures call for, and the wording that names the cause. The runs are
// written by hand (the figures a simulation would report), so that every rule is met exactly at
// its limit; the system models and plans are built from real scenarios.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../simulator';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { nonstationaryReasons, optionWarnings } from '../../../simulator/evaluate/run-caveats';
import { FULL_RELAXATIONS, relaxationArrivals, type RunShape } from '../../../simulator/evaluate/run-shape';
import type { OptionRun } from '../../../simulator/evaluate/simulate-option';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import type { AnalyticEstimate, LatencySummary } from '../../../simulator/results';
import { scenarioFrom } from './queue-scenarios';

const HOUR_MS = 3_600_000;

/** A phone calling a cloud over `net`; `lte` is a second link to the cloud that the option's route does not use. */
function phoneAndCloud(change: (input: ScenarioInput) => void = () => {}): ScenarioInput {
  const input: ScenarioInput = {
    placewise: 1,
    name: 'caveats',
    components: [
      { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
      { id: 'cloud', kind: 'cloud', hardware: 'aws-c7i-xlarge' },
    ],
    links: [
      { id: 'net', between: ['phone', 'cloud'], tech: 'wifi' },
      { id: 'lte', between: ['phone', 'cloud'], tech: 'lte' },
    ],
    workload: { users: 1, per_user_rps: 1, source: 'phone', requests: 1000 },
    pipeline: [{ id: 'infer', at: 'cloud', compute_ms: 10 }],
    options: [{ id: 'remote' }],
  };
  change(input);
  return input;
}

function setting(input: ScenarioInput) {
  const system = buildSystemModel(scenarioFrom(input));
  return { system, plan: buildOptionPlan(system, system.scenario.options[0]) };
}

/** A run as simulate-option reports it: every figure zero unless given. */
function runOf(links: number, figures: Partial<OptionRun> = {}): OptionRun {
  return {
    measured: 1000,
    detailedUsers: 1,
    usersWithStations: 1,
    latencies: new Float64Array(0),
    completed: 1100,
    failed: 0,
    measuredCompleted: 1000,
    queueMs: 0,
    computeMs: 0,
    networkMs: 0,
    stepStats: [],
    offlineRequests: 0,
    offlineCompleted: 0,
    offlineFallback: 0,
    fallbackRequests: 0,
    cascadeStats: [],
    accuracySum: 0,
    failedOn: new Float64Array(links),
    downShare: new Float64Array(links),
    linkKb: new Float64Array(links),
    linkBusyMs: new Float64Array(links * 2),
    componentBusyMs: new Float64Array(2),
    simulatedRequests: 1100,
    spanMs: 1_100_000,
    autoscaling: [],
    serverless: [],
    batching: [],
    personalKb: 0,
    tiers: [],
    ...figures,
  };
}

const SHAPE: RunShape = {
  detailedUsers: 1,
  warmup: 100,
  arrivals: 1100,
  capacity: 1100,
  backgroundLimit: 0,
  initialReplicas: [1, 1],
};

/** An estimate with one cloud station at `utilization` (1 request per second) and the given mean. */
function estimateOf(mean: number | null, utilization = 0.5, links: AnalyticEstimate['links'] = []): AnalyticEstimate {
  return {
    components: [{ id: 'cloud', servers: 1, arrival_rps: 1, service_ms: 10, utilization, mean_response_ms: mean }],
    links,
    mean_latency_ms: mean,
  };
}

function latencyOf(mean: number, ci95?: LatencySummary['ci95']): LatencySummary {
  return { mean, p50: mean, p90: mean, p95: mean, p99: mean, max: mean, ...(ci95 ? { ci95 } : {}) };
}

describe('a run that is not stationary', () => {
  const profiled = (profile: number[]) =>
    setting(
      phoneAndCloud((input) => {
        input.workload = { ...input.workload, load_profile: profile, duration_s: 5 * 3600, requests: undefined };
      }),
    );

  it('is one whose load profile changes within its span, named at the first hour it changes', () => {
    // Changes at hours 3 and 4 (from the hour before): one reason, the first.
    const { system, plan } = profiled([1, 1, 1, 2, 1, ...Array(19).fill(1)]);
    expect(nonstationaryReasons(system, plan, runOf(2, { spanMs: 5 * HOUR_MS }))).toEqual([
      'the load profile changes the load at hour 3 of the run',
    ]);
  });

  it('is not one whose profile changes only when its span has ended', () => {
    const { system, plan } = profiled([1, 1, 1, 1, 1, 2, ...Array(18).fill(1)]);
    expect(nonstationaryReasons(system, plan, runOf(2, { spanMs: 5 * HOUR_MS }))).toEqual([]);
    expect(nonstationaryReasons(system, plan, runOf(2, { spanMs: 5 * HOUR_MS + 1 }))).toEqual([
      'the load profile changes the load at hour 5 of the run',
    ]);
  });

  it('has a scheduled outage starting within its span, on a link its requests used', () => {
    const { system, plan } = setting(
      phoneAndCloud((input) => {
        input.links![0].outages = {
          schedule: [
            [100, 200],
            [1100, 1200],
            [1099, 1300],
          ],
        };
        input.links![1].outages = { schedule: [[10, 20]] };
      }),
    );
    // Only `net` is on the route; `lte` counts once a request has crossed it.
    expect(nonstationaryReasons(system, plan, runOf(2))).toEqual([
      'link net has a scheduled outage during the run (100-200 s, 1099-1300 s)',
    ]);
    const linkKb = Float64Array.from([0, 5]);
    expect(nonstationaryReasons(system, plan, runOf(2, { linkKb }))).toEqual([
      'link net has a scheduled outage during the run (100-200 s, 1099-1300 s)',
      'link lte has a scheduled outage during the run (10-20 s)',
    ]);
    expect(nonstationaryReasons(system, plan, runOf(2, { spanMs: 100_000 }))).toEqual([]);
  });

  it('does not count outages at random times, which are part of a stationary run', () => {
    const { system, plan } = setting(
      phoneAndCloud((input) => (input.links![0].outages = { every_s: 60, lasting_s: 5 })),
    );
    expect(nonstationaryReasons(system, plan, runOf(2))).toEqual([]);
  });

  it('has an autoscaler that changed replicas, with their range', () => {
    const { system, plan } = setting(phoneAndCloud());
    const timeline: [number, number][] = [
      [0, 3],
      [1000, 5],
      [2000, 2],
    ];
    const autoscaling = [{ component: 1, meanReplicas: 3, timeline, intervalMs: 1000 }];
    expect(nonstationaryReasons(system, plan, runOf(2, { autoscaling }))).toEqual([
      'cloud scaled between 2 and 5 replicas during the run',
    ]);
    const settled = [{ component: 1, meanReplicas: 3, timeline: [[0, 3]] as [number, number][], intervalMs: 1000 }];
    expect(nonstationaryReasons(system, plan, runOf(2, { autoscaling: settled }))).toEqual([]);
  });
});

describe('the warnings of a run', () => {
  const { system, plan } = setting(phoneAndCloud());
  const warningsOf = (
    figures: { run?: Partial<OptionRun>; estimate?: AnalyticEstimate; latency?: LatencySummary; shape?: RunShape },
    where = { system, plan },
  ) =>
    optionWarnings(
      where.system,
      where.plan,
      runOf(where.system.links.length, figures.run),
      figures.estimate ?? estimateOf(100),
      figures.latency ?? latencyOf(100),
      figures.shape ?? SHAPE,
    );

  it('are none for a run that agrees with its estimate', () => {
    expect(warningsOf({})).toEqual([]);
  });

  it('say when more users were detailed than their queues need, and how many', () => {
    const crowd = setting(phoneAndCloud((input) => (input.workload.users = 5000)));
    const shape = { ...SHAPE, backgroundBound: { neededUsers: 100 } };
    expect(warningsOf({ run: { detailedUsers: 300 }, shape }, crowd)).toEqual([
      "300 users were simulated in detail rather than the 100 their devices' queues need, so that the other 4700 users' background work stays within what a run holds: each detailed user has fewer requests than a busy device's queue takes to settle, and per-user queueing may read low",
    ]);
  });

  it('name a station saturated from utilisation 1 on, component or link', () => {
    const links = [
      { id: 'net', direction: 'up', utilization: 1.234 },
      { id: 'net', direction: 'down', utilization: 0.999 },
    ];
    expect(warningsOf({ estimate: estimateOf(null, 1, links) })).toEqual([
      'cloud is saturated (utilisation 1.00): its queue grows without bound, so latency depends on the run length',
      'link net (up) is saturated (utilisation 1.23)',
    ]);
    expect(warningsOf({ estimate: estimateOf(null, 0.999, [{ ...links[0], utilization: 1 }]) })).toEqual([
      'link net (up) is saturated (utilisation 1.00)',
    ]);
    expect(warningsOf({ estimate: estimateOf(null, 0.999, links.slice(1)) })).toEqual([]);
  });

  it('compare the simulated mean with the estimate beyond a quarter either way, where both exist', () => {
    const short = (simulated: number, estimate: number, percent: number) =>
      `simulated mean latency ${simulated.toFixed(1)} ms and the queueing estimate ${estimate.toFixed(1)} ms differ by ${percent}%: the run may be too short (try more requests)`;
    expect(warningsOf({ latency: latencyOf(125) })).toEqual([]);
    expect(warningsOf({ latency: latencyOf(75) })).toEqual([]);
    expect(warningsOf({ latency: latencyOf(125.5) })).toEqual([short(125.5, 100, 26)]);
    expect(warningsOf({ latency: latencyOf(74.5) })).toEqual([short(74.5, 100, 26)]);
    expect(warningsOf({ latency: latencyOf(10), estimate: estimateOf(0) })).toEqual([]);
    expect(warningsOf({ latency: latencyOf(Number.NaN) })).toEqual([]);
  });

  it('blame the run’s length while the gap is within its interval’s width, or some queue has not forgotten its start', () => {
    const differ = 'simulated mean latency 130.0 ms and the queueing estimate 100.0 ms differ by 30%';
    const tooShort = `${differ}: the run may be too short (try more requests)`;
    const approximation = (half: string) =>
      `${differ}, far beyond the run's 95% interval (±${half} ms), in a run long enough for every queue to settle: the estimate's M/G/c approximation (Poisson arrivals at every station) is off here`;
    const ci95 = (low: number, high: number) => ({
      mean: [low, high] as [number, number],
      p95: [0, 1] as [number, number],
    });
    // A station at utilisation 1/4 forgets its start in relaxationArrivals(0.25) = 1 arrival; a run must hold 20.
    expect(relaxationArrivals(0.25)).toBe(1);
    expect(FULL_RELAXATIONS).toBe(20);
    const settled = estimateOf(100, 0.25);
    const run = { spanMs: 20_000 };
    expect(warningsOf({ run, estimate: settled, latency: latencyOf(130, ci95(120, 149.9)) })).toEqual([
      approximation('15.0'),
    ]);
    expect(warningsOf({ run, estimate: settled, latency: latencyOf(130, ci95(115, 145)) })).toEqual([tooShort]);
    expect(warningsOf({ run, estimate: settled, latency: latencyOf(130) })).toEqual([tooShort]);
    const early = { spanMs: 19_999 };
    expect(warningsOf({ run: early, estimate: settled, latency: latencyOf(130, ci95(125, 135)) })).toEqual([tooShort]);
    // Links count as stations too; a saturated station never forgets its start, and is warned of apart.
    const link = (utilization: number, arrival_rps: number) => [
      { id: 'net', direction: 'up', utilization, arrival_rps },
    ];
    const withLink = (utilization: number, arrival_rps: number) => ({
      ...estimateOf(100, 0.25, link(utilization, arrival_rps)),
    });
    expect(warningsOf({ run, estimate: withLink(0.25, 0.5), latency: latencyOf(130, ci95(125, 135)) })).toEqual([
      tooShort,
    ]);
    expect(warningsOf({ run, estimate: withLink(0.25, 1), latency: latencyOf(130, ci95(125, 135)) })).toEqual([
      approximation('5.0'),
    ]);
    expect(warningsOf({ run, estimate: withLink(1, 0.5), latency: latencyOf(130, ci95(125, 135)) })).toEqual([
      'link net (up) is saturated (utilisation 1.00)',
      approximation('5.0'),
    ]);
  });

  it('name what the estimate leaves out that the run has, and whether the run may also be too short', () => {
    const differ = 'simulated mean latency 130.0 ms and the queueing estimate 100.0 ms differ by 30%';
    const elastic = setting(
      phoneAndCloud((input) => {
        input.components[1].replicas = { min: 1, max: 4, target_utilization: 0.5, scale_interval_s: 10 };
        // A function with cold starts that the option does not use is not named.
        input.components.push({ id: 'fn', kind: 'serverless', hardware: 'aws-lambda-2gb', cold_start_ms: 300 });
        input.links!.push({ id: 'fn-net', between: ['phone', 'fn'], tech: 'wifi' });
        input.links![0].outages = { every_s: 600, lasting_s: 10 };
        input.workload = {
          ...input.workload,
          load_profile: [1, 2, ...Array(22).fill(1)],
          duration_s: 600,
          requests: undefined,
        };
        input.options = [
          {
            id: 'remote',
            fallback: { infer: { at: 'phone' } },
            batching: { cloud: { max_batch: 4, max_wait_ms: 10 } },
          },
        ];
      }),
    );
    expect(warningsOf({ latency: latencyOf(130) }, elastic)).toEqual([
      `${differ}: the estimate leaves out the load profile (it is for the busiest hour); autoscaling (it takes cloud as settled at the target); outages and fallbacks (it has net always up); how batches form (it takes them as full), and the run may be too short (try more requests)`,
    ]);
    const periodic = setting(
      phoneAndCloud((input) => {
        input.components.push({ id: 'fn', kind: 'serverless', hardware: 'aws-lambda-2gb', cold_start_ms: 0 });
        input.links!.push({ id: 'fn-net', between: ['cloud', 'fn'], tech: 'ethernet' });
        input.pipeline.push({ id: 'post', at: 'fn', compute_ms: 1 });
        input.links![1].outages = { every_s: 600, lasting_s: 10 };
        input.workload.arrivals = 'periodic';
        input.options = [{ id: 'remote', batching: {} }];
      }),
    );
    // The unused link's outages count once a request has crossed it (a fallback route); a function without cold starts is not named.
    const ci95 = { mean: [120, 140] as [number, number], p95: [0, 1] as [number, number] };
    const linkKb = Float64Array.from([1, 1, 1]);
    expect(
      warningsOf({ run: { linkKb }, estimate: estimateOf(100, 0.25), latency: latencyOf(130, ci95) }, periodic),
    ).toEqual([
      `${differ}: the estimate leaves out how periodic arrivals bunch (it takes them as evenly spaced at every station); outages (it has lte always up)`,
    ]);
  });

  it('list every component and link the estimate leaves out, and fallbacks when any step has one', () => {
    const scaled = { min: 1, max: 4, target_utilization: 0.5, scale_interval_s: 10 };
    const many = setting({
      placewise: 1,
      name: 'many omissions',
      components: [
        { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
        { id: 'a', kind: 'cloud', hardware: 'aws-c7i-xlarge', replicas: scaled },
        { id: 'b', kind: 'cloud', hardware: 'aws-c7i-xlarge', replicas: scaled },
        { id: 'f1', kind: 'serverless', hardware: 'aws-lambda-2gb', cold_start_ms: 300 },
        { id: 'f2', kind: 'serverless', hardware: 'aws-lambda-2gb', cold_start_ms: 300 },
      ],
      links: [
        { id: 'net', between: ['phone', 'a'], tech: 'wifi', outages: { every_s: 600, lasting_s: 10 } },
        { id: 'ab', between: ['a', 'b'], tech: 'ethernet', outages: { every_s: 600, lasting_s: 10 } },
        { id: 'af', between: ['a', 'f1'], tech: 'ethernet' },
        { id: 'bf', between: ['b', 'f2'], tech: 'ethernet' },
      ],
      workload: { users: 1, per_user_rps: 1, source: 'phone', requests: 1000 },
      pipeline: [
        { id: 's1', at: 'a', compute_ms: 1 },
        { id: 's2', at: 'b', compute_ms: 1 },
        { id: 's3', at: 'f1', compute_ms: 1 },
        { id: 's4', at: 'f2', compute_ms: 1 },
      ],
      options: [{ id: 'spread', fallback: { s1: { at: 'phone' } } }],
    });
    expect(warningsOf({ latency: latencyOf(130) }, many)).toEqual([
      'simulated mean latency 130.0 ms and the queueing estimate 100.0 ms differ by 30%: the estimate leaves out serverless cold starts (f1, f2); autoscaling (it takes a, b as settled at the target); outages and fallbacks (it has net, ab always up), and the run may be too short (try more requests)',
    ]);
  });

  it('say when the autoscaler decided less often than asked', () => {
    const elastic = setting(
      phoneAndCloud((input) => {
        input.components[1].replicas = { min: 1, max: 4, target_utilization: 0.5, scale_interval_s: 10 };
      }),
    );
    const scaling = (intervalMs: number) => ({
      autoscaling: [{ component: 1, meanReplicas: 1, timeline: [[0, 1]] as [number, number][], intervalMs }],
    });
    expect(warningsOf({ run: scaling(10_000) }, elastic)).toEqual([]);
    expect(warningsOf({ run: scaling(10_050) }, elastic)).toEqual([
      'the autoscaler of cloud decided every 10.1 s rather than every scale_interval_s: the run is too long for a decision every 10 s',
    ]);
  });

  it('say why there is no latency when no measured request completed', () => {
    const none = { latency: latencyOf(Number.NaN) };
    expect(warningsOf({ ...none, run: { measuredCompleted: 0, simulatedRequests: 0, completed: 0 } })).toEqual([
      'no request arrived during the run, so there is no latency',
    ]);
    expect(warningsOf({ ...none, run: { measuredCompleted: 0, completed: 1 } })).toEqual([
      'no request after the warm-up completed, so there is no latency',
    ]);
    const failures = {
      measuredCompleted: 0,
      completed: 0,
      failed: 1100,
      failedOn: Float64Array.from([330, 770]),
      downShare: Float64Array.from([0.998, 0.999]),
    };
    expect(warningsOf({ ...none, run: failures })).toEqual([
      'every request failed, so there is no latency: link lte is always down; link net was down for 30% of them',
    ]);
    expect(warningsOf({ ...none, run: { ...failures, failedOn: Float64Array.from([0, 1100]) } })).toEqual([
      'every request failed, so there is no latency: link lte is always down',
    ]);
  });

  it('say which interval was cut at 0 ms', () => {
    const ci95 = { mean: [0, 5] as [number, number], p95: [0, 9] as [number, number] };
    const cut = (names: ('mean' | 'p95')[]) =>
      warningsOf({ latency: latencyOf(100, { ...ci95, clamped_at_zero: names }) });
    expect(cut(['p95'])).toEqual([
      'the 95% interval of the p95 latency reached below 0 ms and starts at 0: its batches vary too much for a symmetric interval (the run may be too short)',
    ]);
    expect(cut(['mean', 'p95'])).toHaveLength(2);
    expect(cut([])).toEqual([]);
  });
});
