// Autoscaling, serverless cold starts, mini-batching and the daily load profile.
import { describe, expect, it } from 'vitest';
import { evaluateScenario, type ScenarioInput } from '../../../simulator';
import { FifoServers } from '../../../simulator/engine/fifo-servers';
import { scenarioFrom, utilizationTolerance } from './queue-scenarios';

const oneServer = (
  component: ScenarioInput['components'][number],
  workload: Partial<ScenarioInput['workload']>,
  serviceMs: number | object,
): ScenarioInput => ({
  placewise: 1,
  name: 'elastic',
  seed: 3,
  hardware: { box: { cores: 1, gflops: 10 } },
  components: [{ id: 'client', kind: 'phone', hardware: 'phone-midrange' }, component],
  links: [{ id: 'net', between: ['client', 'server'], tech: 'ethernet', latency_ms: 0 }],
  workload: { users: 1, per_user_rps: 1, source: 'client', requests: 1000, ...workload } as ScenarioInput['workload'],
  pipeline: [{ id: 'serve', at: 'server', compute_ms: serviceMs as number }],
  options: [{ id: 'only' }],
});

/** The replicas in force at `time` (s): the timeline lists only the start and each change. */
function replicasAt(timeline: [number, number][], time: number): number {
  return timeline.filter(([changed]) => changed <= time).at(-1)![1];
}

/** The replicas in force at every autoscaler tick (every `intervalS`) in [from, to). */
function replicasOverTicks(timeline: [number, number][], from: number, to: number, intervalS: number): number[] {
  const ticks: number[] = [];
  for (let tick = Math.ceil(from / intervalS) * intervalS; tick < to; tick += intervalS) ticks.push(tick);
  return ticks.map((tick) => replicasAt(timeline, tick));
}

describe('autoscaling', () => {
  // A deterministic load step: one user sends a request every 100 ms to the cloud; during a
  // scheduled outage of the cloud's link (100 s to 200 s) every request takes the fallback on an
  // autoscaled edge of one-core replicas, 150 ms of work each: 1.5 executors' worth.
  const fallbackToEdge = (coldStartMs: number) =>
    scenarioFrom({
      placewise: 1,
      name: 'load step at the edge',
      seed: 3,
      hardware: { box: { cores: 1, gflops: 10 } },
      components: [
        { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
        { id: 'cloud', kind: 'cloud', hardware: 'box', cores: 2 },
        {
          id: 'edge',
          kind: 'edge',
          hardware: 'box',
          replicas: {
            min: 1,
            max: 10,
            target_utilization: 0.5,
            scale_interval_s: 10,
            cold_start_ms: coldStartMs,
          },
        },
      ],
      links: [
        { id: 'lte', between: ['phone', 'cloud'], tech: 'lte', latency_ms: 0, outages: { schedule: [[100, 200]] } },
        { id: 'wifi', between: ['phone', 'edge'], tech: 'wifi', latency_ms: 0 },
      ],
      workload: { users: 1, per_user_rps: 10, arrivals: 'periodic', source: 'phone', requests: 3000 },
      pipeline: [{ id: 'infer', compute_ms: 150 }],
      options: [{ id: 'remote', place: { infer: 'cloud' }, fallback: { infer: { at: 'edge' } } }],
    });

  it('sets the replicas a load step needs at its first tick, and returns to the minimum when it ends', () => {
    // The tick at 110 s sees 100 requests of 150 ms admitted in 10 s on 1 replica: 150%, three
    // times the 50% target: 3 replicas. At 3 replicas the same load is exactly 50%, within
    // tolerance, so they stay until the tick at 210 s sees no load: the minimum, 1.
    const option = evaluateScenario(fallbackToEdge(0)).options[0];
    expect(option.offline.requests).toBe(1000);
    expect(option.autoscaling![0].timeline).toEqual([
      [0, 1],
      [110, 3],
      [210, 1],
    ]);
  });

  it('makes requests wait for a cold start during scale-up', () => {
    // Without a cold start: the 100 requests of 100-110 s queue on the one replica, the last
    // waiting 99 x 50 ms; the two new replicas then keep up. Its latency, 4.95 s + 150 ms, is the
    // run's longest, exactly.
    const warm = evaluateScenario(fallbackToEdge(0)).options[0];
    expect(warm.latency_ms.max).toBeCloseTo(5100, 6);
    // With a 20 s cold start the new replicas take work from 130 s: the requests of 110-120 s
    // queue behind the old replica (busy until 115 s) and those of 120 s wait until 130 s. The
    // longest wait is 10 s less the phase of the arrivals in their 100 ms period (0 to 0.1 s),
    // or the old replica's last, 5 s + 99 x 50 ms: the longest latency is 10.05 s to 10.15 s.
    const cold = evaluateScenario(fallbackToEdge(20_000)).options[0];
    expect(cold.latency_ms.max).toBeGreaterThanOrEqual(10_050);
    expect(cold.latency_ms.max).toBeLessThanOrEqual(10_150);
    // The autoscaler counts admitted work, which the cold start does not change: same decisions.
    expect(cold.autoscaling).toEqual(warm.autoscaling);
  });

  it('follows a Poisson load step and settles where utilisation meets the target', () => {
    // Hour 0: 2 requests/s of 100 ms keep 0.2 replicas busy: 1 replica (the minimum).
    // Hour 1: 20 requests/s keep 2 busy: at 50% target the autoscaler settles on 4 replicas.
    const profile = [1, 10, ...Array(22).fill(0)];
    const scenario = scenarioFrom(
      oneServer(
        {
          id: 'server',
          kind: 'cloud',
          hardware: 'box',
          replicas: { min: 1, max: 10, target_utilization: 0.5, scale_interval_s: 60 },
          usd_per_hour: 1,
        },
        { per_user_rps: 2, load_profile: profile, duration_s: 7200, requests: undefined },
        { exponential: 100 },
      ),
    );
    const option = evaluateScenario(scenario).options[0];
    const timeline = option.autoscaling![0].timeline;
    expect(replicasOverTicks(timeline, 0, 3600, 60).every((replicas) => replicas === 1)).toBe(true);
    // Ticks fall on multiples of the interval: the one at 3660 s is the first to see hour 1.
    expect(timeline.find(([time]) => time >= 3600)![0]).toBe(3660);
    expectSettledAtFour(replicasOverTicks(timeline, 3600 + 3 * 60, 7200, 60));
    // Cost: the profile's hours at the replicas the autoscaler settles on: 1 in hour 0, 4 in hour 1, 1 (min) otherwise.
    expect(option.monthly_usd.compute).toBeCloseTo(((1 + 4 + 22 * 1) / 24) * 730, 6);
  });
});

/**
 * Replicas settled at 4 for 2 executors' worth of Poisson work at a 50% target. A minute's
 * admitted work over 4 replicas reads 50% with a standard deviation of 2% (1,200 requests of
 * exponential 100 ms: sqrt(1200 x 2 x 100^2) ms over 240 s), so 4 stay unless a minute reads
 * more than 55% (2.5 standard deviations, 0.7% of minutes): then 5, and back to 4 at the next
 * tick (40%). Over 57 minutes, more than 6 at 5 replicas has a probability below 1e-5.
 */
function expectSettledAtFour(replicas: number[]) {
  expect(replicas.length).toBeGreaterThan(0);
  expect(
    replicas.every((count) => count === 4 || count === 5),
    replicas.join(' '),
  ).toBe(true);
  expect(replicas.filter((count) => count === 5).length).toBeLessThanOrEqual(6);
}

describe('autoscaled cost', () => {
  it('without a load profile, pays each component its own mean replicas of the run, around the clock', () => {
    // 10 requests/s in a steady stream: 150 ms at `first` keeps 1.5 executors busy, 100 ms at
    // `second` 1; at a 50% target of one-core replicas they settle on 3 and 2, above their minimum.
    const scaled = (id: string, usdPerHour: number) => ({
      id,
      kind: 'cloud' as const,
      hardware: 'box',
      replicas: { min: 1, max: 10, target_utilization: 0.5, scale_interval_s: 10 },
      usd_per_hour: usdPerHour,
    });
    const scenario = scenarioFrom({
      placewise: 1,
      name: 'two autoscaled tiers',
      seed: 3,
      hardware: { box: { cores: 1, gflops: 10 } },
      components: [
        { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
        scaled('first', 1),
        scaled('second', 10),
      ],
      links: [
        { id: 'up', between: ['phone', 'first'], tech: 'ethernet', latency_ms: 0, usd_per_gb: 0 },
        { id: 'across', between: ['first', 'second'], tech: 'ethernet', latency_ms: 0, usd_per_gb: 0 },
      ],
      workload: { users: 1, per_user_rps: 10, arrivals: 'periodic', source: 'phone', requests: 2000 },
      pipeline: [
        { id: 'one', at: 'first', compute_ms: 150 },
        { id: 'two', at: 'second', compute_ms: 100 },
      ],
      options: [{ id: 'only' }],
    });
    const option = evaluateScenario(scenario).options[0];
    const replicas = Object.fromEntries(option.autoscaling!.map((entry) => [entry.component, entry.mean_replicas]));
    expect(replicas.first).toBeCloseTo(3, 9);
    expect(replicas.second).toBeCloseTo(2, 9);
    expect(option.monthly_usd.compute).toBeCloseTo((replicas.first * 1 + replicas.second * 10) * 730, 6);
  });
});

describe('the utilisation an autoscaler reads', () => {
  it('busy: the work done by a time, however servers come and go', () => {
    const station = new FifoServers(1);
    station.admit(0, 10); // [0, 10] on the first server
    expect(station.workDoneBy(4)).toBe(4);
    station.resize(2, 20); // a second server, ready at 20 after its cold start
    station.admit(6, 10); // waits for the first server: [10, 20]
    station.admit(7, 5); // the cold server is free first, at 20: [20, 25]
    expect(station.workDoneBy(15)).toBe(15);
    expect(station.workDoneBy(22)).toBe(22);
    station.resize(1, 22); // the server that frees last (at 25) leaves with its work
    expect(station.workDoneBy(24)).toBe(24);
    expect(station.workDoneBy(30)).toBe(25);
  });

  it('admitted jumps to the replicas a load step needs; busy, capped at 100%, doubles at most per interval', () => {
    // Hour 1 brings 2 executors' worth of work to 1 replica: admitted reads 200%, busy 100%.
    const stepped = (metric: 'admitted' | 'busy') =>
      scenarioFrom(
        oneServer(
          {
            id: 'server',
            kind: 'cloud',
            hardware: 'box',
            replicas: { min: 1, max: 10, target_utilization: 0.5, scale_interval_s: 60, metric },
          },
          { per_user_rps: 2, load_profile: [1, 10, ...Array(22).fill(0)], duration_s: 7200, requests: undefined },
          { exponential: 100 },
        ),
      );
    const timelines = (['admitted', 'busy'] as const).map(
      (metric) => evaluateScenario(stepped(metric)).options[0].autoscaling![0].timeline,
    );
    const [admitted, busy] = timelines.map((timeline) => timeline.filter(([time]) => time >= 3600));
    // At 3660 s: admitted reads 200% (4 replicas or more at once), busy 100% (2, then 4 a minute later).
    expect(admitted[0]).toEqual([3660, expect.any(Number)]);
    expect(admitted[0][1]).toBeGreaterThanOrEqual(4);
    expect(busy.slice(0, 2)).toEqual([
      [3660, 2],
      [3720, 4],
    ]);
    // Once the backlog of the step has drained (a few minutes), both settle as the load needs.
    for (const timeline of timelines) expectSettledAtFour(replicasOverTicks(timeline, 3600 + 5 * 60, 7200, 60));
  });
});

describe('serverless', () => {
  it('the cold-start share of a Poisson stream matches the keep-warm analysis', () => {
    // A request starts cold when the gap since the previous one exceeds keep-warm plus that
    // request's run time (its cold start included): a two-state Markov chain on cold/warm.
    const rate = 0.02; // per second
    const keepWarm = 30;
    const run = 0.05;
    const cold = 0.1;
    const scenario = scenarioFrom(
      oneServer(
        {
          id: 'server',
          kind: 'serverless',
          hardware: 'aws-lambda-2gb',
          keep_warm_s: keepWarm,
          cold_start_ms: cold * 1000,
          memory_gb: 2,
        },
        { per_user_rps: rate, requests: 40_000 },
        run * 1000,
      ),
    );
    const option = evaluateScenario(scenario).options[0];
    const afterWarm = Math.exp(-rate * (keepWarm + run));
    const afterCold = Math.exp(-rate * (keepWarm + run + cold));
    const share = afterWarm / (1 - afterCold + afterWarm);
    const simulated = option.serverless![0];
    // Binomial standard error of the share over the invocations, and 4 of them as tolerance.
    const standardError = Math.sqrt((share * (1 - share)) / simulated.invocations);
    expect(Math.abs(simulated.cold_start_share - share)).toBeLessThan(4 * standardError);
    // Billed time is the run plus the cold start of those that started cold, exactly.
    expect(simulated.mean_billed_ms).toBeCloseTo(run * 1000 + simulated.cold_start_share * cold * 1000, 9);
  });

  it('is priced per request and per GB-second, cold starts billed', () => {
    // Instances kept warm for only 50 ms: a good share of the 100 requests/s start cold.
    const scenario = scenarioFrom(
      oneServer(
        {
          id: 'server',
          kind: 'serverless',
          hardware: 'aws-lambda-2gb',
          usd_per_million: 0.2,
          usd_per_gb_s: 0.0000166667,
          memory_gb: 2,
          cold_start_ms: 100,
          keep_warm_s: 0.05,
        },
        { users: 100, per_user_rps: 1, hours_per_day: 8, requests: 2000 },
        200,
      ),
    );
    const option = evaluateScenario(scenario).options[0];
    const { cold_start_share: coldShare, mean_billed_ms: billedMs } = option.serverless![0];
    expect(coldShare).toBeGreaterThan(0.1);
    // Each invocation bills its 200 ms run, and a cold one its 100 ms start too.
    expect(billedMs).toBeCloseTo(200 + coldShare * 100, 9);
    const requestsPerMonth = (100 * 1 * 3600 * 8 * 730) / 24;
    expect(option.monthly_usd.compute).toBeCloseTo(
      (requestsPerMonth * 0.2) / 1e6 + requestsPerMonth * (billedMs / 1000) * 2 * 0.0000166667,
      6,
    );
  });
});

describe('a serverless function the run never reached', () => {
  it('is billed at the queueing estimate’s rate, its service time per invocation', () => {
    // Its only link is down for the whole run: no request reaches it, so there is no billed time
    // to measure, but the month (every link up, as the estimate assumes) still invokes it.
    const scenario = scenarioFrom({
      placewise: 1,
      name: 'unreached function',
      seed: 3,
      components: [
        { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
        { id: 'fn', kind: 'serverless', hardware: 'aws-lambda-2gb', usd_per_million: 0.2, usd_per_gb_s: 0.0000166667 },
      ],
      links: [{ id: 'lte', between: ['phone', 'fn'], tech: 'lte', usd_per_gb: 0, outages: { schedule: [[0, 1e6]] } }],
      workload: { users: 2, per_user_rps: 0.5, source: 'phone', requests: 200 },
      pipeline: [{ id: 'infer', compute_ms: 20 }],
      options: [{ id: 'remote', place: { infer: 'fn' } }],
    });
    const option = evaluateScenario(scenario).options[0];
    expect(option.serverless).toBeUndefined(); // none invoked
    const fn = option.analytic.components.find((entry) => entry.id === 'fn')!;
    // One invocation per request: 2 users x 0.5 requests/s around the clock.
    expect(fn.arrival_rps).toBe(1);
    const invocationsPerMonth = 3600 * 730;
    const usd = invocationsPerMonth * (0.2 / 1e6 + (fn.service_ms / 1000) * 2 * 0.0000166667);
    expect(fn.service_ms).toBeGreaterThan(0);
    expect(option.monthly_usd.compute).toBeCloseTo(usd, 9);
  });
});

describe('serverless functions side by side', () => {
  it('are each billed their own invocations and run time; a fallback never called costs nothing', () => {
    // `fast` runs every request (20 ms), `slow` the second step (80 ms), `spare` is the second
    // step's fallback, never needed as no link fails (the estimate leaves fallbacks out).
    const fn = (id: string) => ({
      id,
      kind: 'serverless' as const,
      hardware: 'aws-lambda-2gb',
      usd_per_million: 0.2,
      usd_per_gb_s: 0.0000166667,
      cold_start_ms: 300,
    });
    const scenario = scenarioFrom({
      placewise: 1,
      name: 'functions',
      seed: 3,
      components: [{ id: 'phone', kind: 'phone', hardware: 'phone-midrange' }, fn('fast'), fn('slow'), fn('spare')],
      links: [
        { id: 'a', between: ['phone', 'fast'], tech: 'lte', usd_per_gb: 0 },
        { id: 'b', between: ['fast', 'slow'], tech: 'ethernet', usd_per_gb: 0 },
        { id: 'c', between: ['fast', 'spare'], tech: 'ethernet', usd_per_gb: 0 },
      ],
      workload: { users: 4, per_user_rps: 0.25, source: 'phone', requests: 500 },
      pipeline: [
        { id: 'one', compute_ms: 20 },
        { id: 'two', compute_ms: 80 },
      ],
      options: [{ id: 'remote', place: { one: 'fast', two: 'slow' }, fallback: { two: { at: 'spare' } } }],
    });
    const option = evaluateScenario(scenario).options[0];
    const billed = Object.fromEntries(option.serverless!.map((entry) => [entry.component, entry.mean_billed_ms]));
    expect(Object.keys(billed).sort()).toEqual(['fast', 'slow']);
    // Each request invokes both once: 4 users x 0.25 requests/s around the clock.
    const invocationsPerMonth = 3600 * 730;
    const usd = (billedMs: number) => invocationsPerMonth * (0.2 / 1e6 + (billedMs / 1000) * 2 * 0.0000166667);
    expect(option.monthly_usd.compute).toBeCloseTo(usd(billed.fast) + usd(billed.slow), 9);
  });
});

describe('mini-batching', () => {
  it('fills batches from a periodic stream and runs them at the batch curve', () => {
    // Every 10 ms one request; batches of 4 leave when the 4th arrives. One inference takes
    // 1 gflop / 10 gflops = 100 ms... too slow for the 40 ms batch period, so use 0.2 gflop: 20 ms,
    // and a measured curve where a batch of 4 takes 1.5x one inference: 30 ms per 40 ms batch.
    const input = oneServer(
      { id: 'server', kind: 'cloud', hardware: 'box' },
      { per_user_rps: 100, arrivals: 'periodic', requests: 4000 },
      0,
    );
    const scenario = scenarioFrom({
      ...input,
      models: [{ id: 'm', size_mb: 1, gflop: 0.2, batch_curve: [[4, 1.5]] }],
      pipeline: [{ id: 'serve', at: 'server', model: 'm' }],
      options: [{ id: 'only', batching: { server: { max_batch: 4, max_wait_ms: 1000 } } }],
    });
    const option = evaluateScenario(scenario).options[0];
    expect(option.batching![0].mean_batch).toBe(4);
    // Waits of 30, 20, 10 and 0 ms for the batch to fill, then 30 ms of batch service.
    expect(option.latency_ms.mean).toBeCloseTo(15 + 30, 6);
    expect(option.latency_ms.max).toBeCloseTo(30 + 30, 6);
    expect(option.breakdown_ms.compute).toBeCloseTo(30, 6);
  });

  it('sends a partial batch when its first request has waited max_wait_ms', () => {
    const input = oneServer(
      { id: 'server', kind: 'cloud', hardware: 'box' },
      { per_user_rps: 10, arrivals: 'periodic', requests: 500 },
      0,
    );
    const scenario = scenarioFrom({
      ...input,
      models: [{ id: 'm', size_mb: 1, gflop: 0.01 }],
      pipeline: [{ id: 'serve', at: 'server', model: 'm' }],
      options: [{ id: 'only', batching: { server: { max_batch: 8, max_wait_ms: 25 } } }],
    });
    const option = evaluateScenario(scenario).options[0];
    // Arrivals 100 ms apart never meet within 25 ms: every batch holds one request that waited 25 ms.
    expect(option.batching![0].mean_batch).toBe(1);
    expect(option.latency_ms.p50).toBeCloseTo(25 + 1, 6);
  });
});

describe('the daily load profile', () => {
  it('leaves periodic arrivals at their period, for the whole of a duration run', () => {
    // Periodic arrivals run at the busiest hour's rate (4 per second) all along: 28,800 in 2 hours.
    const scenario = scenarioFrom(
      oneServer(
        { id: 'server', kind: 'cloud', hardware: 'box' },
        {
          per_user_rps: 1,
          arrivals: 'periodic',
          load_profile: [1, 4, ...Array(22).fill(1)],
          duration_s: 7200,
          requests: undefined,
        },
        10,
      ),
    );
    const option = evaluateScenario(scenario).options[0];
    expect(option.completed + option.failed).toBe(28_800);
    expect(option.nonstationary).toBeUndefined();
  });

  it('sets the month from the profile and the simulation at its busiest hour', () => {
    const profile = Array.from({ length: 24 }, (_, hour) => (hour >= 8 && hour < 20 ? 2 : 0.5));
    const scenario = scenarioFrom(
      oneServer(
        { id: 'server', kind: 'cloud', hardware: 'box', usd_per_hour: 0 },
        { users: 10, per_user_rps: 1, load_profile: profile, requests: 2000 },
        10,
      ),
    );
    const option = evaluateScenario(scenario).options[0];
    // Busiest hour: 10 users x 2 requests/s of 10 ms keep 0.2 of the server busy.
    const server = option.components.find((component) => component.id === 'server')!;
    expect(Math.abs(server.utilization - 0.2)).toBeLessThan(
      utilizationTolerance(0.2, option.completed + option.failed, 0),
    );
    expect(option.analytic.components.find((component) => component.id === 'server')!.arrival_rps).toBeCloseTo(20, 9);
  });
});
