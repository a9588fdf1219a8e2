// The capacity search against queueing theory, and its bad input.
import { describe, expect, it } from 'vitest';
import { CapacityInputError, capacitySweep, erlangMeanResponse, type Scenario } from '../../../simulator';
import { scenarioFrom, singleStation } from '../simulator/queue-scenarios';

const SERVICE_MS = 10;

// An M/M/c station: 1000 users (so the load can grow in fine steps), exponential service of
// 10 ms on one-core replicas, a mean-latency budget of 12 ms, at most 4 servers to start.
function mmc(budget: Scenario['budgets']): Scenario {
  const station = singleStation({
    ratePerS: 250,
    service: { exponential: SERVICE_MS },
    servers: 1,
    users: 1000,
    requests: 1000,
    seed: 21,
  });
  return scenarioFrom({
    ...station,
    components: [{ ...station.components[0], replicas: 4, usd_per_hour: 0.5 }],
    budgets: budget,
  });
}

// The Erlang C answer: the fewest servers whose M/M/c mean response meets the budget.
function erlangAnswer(ratePerMs: number, budgetMs: number): number {
  let servers = Math.floor(ratePerMs * SERVICE_MS) + 1;
  while (erlangMeanResponse(servers, ratePerMs, SERVICE_MS) > budgetMs) servers++;
  return servers;
}

describe('the capacity sweep', () => {
  it('finds the Erlang C replica count on an M/M/c station at every load', () => {
    const budgetMs = 12;
    const sweep = capacitySweep(mmc({ latency_ms: { mean: budgetMs } }), { points: 12, requests: 40_000 });
    expect(sweep.component).toBe('server');
    expect(sweep.points).toHaveLength(12);
    let checked = 0;
    for (const point of sweep.points) {
      const ratePerMs = point.rps / 1000;
      const answer = erlangAnswer(ratePerMs, budgetMs);
      // Loads where one server fewer or the answer itself is within 4% of the budget are too
      // close to call with a simulation of this length; every other load must agree exactly.
      const atAnswer = erlangMeanResponse(answer, ratePerMs, SERVICE_MS);
      const atFewer =
        answer - 1 > ratePerMs * SERVICE_MS ? erlangMeanResponse(answer - 1, ratePerMs, SERVICE_MS) : Infinity;
      if (atAnswer > budgetMs * 0.96 || atFewer < budgetMs * 1.04) continue;
      checked++;
      expect(point.replicas, `at ${point.rps} rps`).toBe(answer);
      expect(point.monthly_usd).toBeCloseTo(answer * 0.5 * 730, 6);
    }
    expect(checked).toBeGreaterThanOrEqual(6);
    // The sweep goes beyond the load the scenario's own 4 replicas saturate at (400 rps).
    expect(sweep.points.at(-1)!.rps).toBeGreaterThan(400);
  });

  it("sizes the scenario's own load: the Erlang C count its replicas could be set to", () => {
    const budgetMs = 14;
    const sweep = capacitySweep(mmc({ latency_ms: { mean: budgetMs } }), { points: 2, requests: 40_000 });
    // 250 rps of 10 ms work: 3 servers give a mean of 24 ms, 4 give 12.1 ms (M/M/c), both far
    // enough from the budget for a simulation of this length to tell.
    expect(erlangAnswer(0.25, budgetMs)).toBe(4);
    expect(sweep.current).toMatchObject({ rps: 250, replicas: 4, needed_replicas: 4 });
    expect(sweep.current.needed_p95_ms).toBeGreaterThan(0);
  });

  it('says so when no replica count meets the budget, with the best reachable latency', () => {
    // The service alone takes 10 ms on average: no number of replicas gets the mean under 5 ms.
    const sweep = capacitySweep(mmc({ latency_ms: { mean: 5 } }), { points: 3, requests: 2000 });
    expect(sweep.impossible).toBe(true);
    for (const point of sweep.points) {
      expect(point.replicas).toBeNull();
      expect(point.latency_ms.mean).toBeGreaterThan(8);
    }
  });

  it('prices serverless in proportion to load', () => {
    const sweep = capacitySweep(mmc({ latency_ms: { p95: 60 } }), { points: 10, requests: 2000 });
    expect(sweep.serverless.source).toBe('aws-lambda-defaults');
    const perRps = sweep.points.map((point) => point.serverless_monthly_usd / point.rps);
    for (const value of perRps) expect(value).toBeCloseTo(perRps[0], 9);
    // A 10 ms compute step takes 10 ms on Lambda too: 0.01 s x 2 GB x price + the request price,
    // for 250 x 3600 x 24 x 730 / 24 requests a month at 250 rps.
    const perRequest = 0.2 / 1e6 + 0.01 * 2 * 0.0000166667;
    expect(perRps[0]).toBeCloseTo(perRequest * 3600 * 730, 9);
    // At $1.40 per rps-month, Lambda stays below $365 a replica all along this sweep.
    expect(sweep.serverless.crossover_rps).toBeNull();
    expect(sweep.serverless.note).toContain('serverless stays cheaper across the sweep');
  });

  it('finds the load above which always-on replicas are cheaper than serverless', () => {
    // A function at $2 per million requests costs 2.628e6 x (2e-6 + 0.01 x 2 x 1.66667e-5) =
    // $6.13 per rps-month, while a $365 replica serves tens of rps: serverless wins at light
    // load and loses as replicas fill.
    const station = mmc({ latency_ms: { p95: 60 } });
    const scenario = scenarioFrom({
      ...station,
      components: [
        ...station.components,
        { id: 'fn', kind: 'serverless', hardware: 'aws-lambda-2gb', usd_per_million: 2 },
      ],
    });
    const sweep = capacitySweep(scenario, { points: 6, requests: 2000 });
    const perRps = sweep.serverless.usd_per_rps_month;
    expect(perRps).toBeCloseTo((2 / 1e6 + 0.01 * 2 * 0.0000166667) * 3600 * 730, 9);
    const crossover = sweep.serverless.crossover_rps;
    expect(crossover).not.toBeNull();
    // Below the crossover every load is cheaper as serverless; at the first load where it is not,
    // the serverless line meets that replica count's cost at the crossover (within its step).
    const first = sweep.points.findIndex((point) => point.serverless_monthly_usd >= point.monthly_usd!);
    expect(first).toBeGreaterThan(0);
    const [previous, point] = [sweep.points[first - 1], sweep.points[first]];
    expect(crossover!).toBeGreaterThan(previous.rps);
    expect(crossover!).toBeLessThanOrEqual(point.rps);
    expect(crossover! * perRps).toBeCloseTo(point.monthly_usd!, 6);
    for (const cheaper of sweep.points.slice(0, first))
      expect(cheaper.serverless_monthly_usd).toBeLessThan(cheaper.monthly_usd!);
    expect(sweep.serverless.note).toContain(`cheaper above about ${Math.round(crossover!)} requests/s`);
  });

  it("prices serverless as the scenario's own serverless component when it has one", () => {
    const station = mmc({ latency_ms: { p95: 60 } });
    const withFunction = scenarioFrom({
      ...station,
      components: [
        ...station.components,
        { id: 'fn', kind: 'serverless', hardware: 'aws-lambda-2gb', usd_per_million: 0.4, memory_gb: 1 },
      ],
    });
    const sweep = capacitySweep(withFunction, { points: 2, requests: 1000 });
    expect(sweep.component).toBe('server');
    expect(sweep.serverless).toMatchObject({ source: 'component:fn', usd_per_million: 0.4, memory_gb: 1 });
    const perRequest = 0.4 / 1e6 + 0.01 * 1 * 0.0000166667;
    expect(sweep.points[0].serverless_monthly_usd / sweep.points[0].rps).toBeCloseTo(perRequest * 3600 * 730, 9);
  });
});

describe('bad input for the capacity sweep', () => {
  it('rejects an unknown component, naming the known ones', () => {
    expect(() => capacitySweep(mmc({ latency_ms: { p95: 60 } }), { component: 'nope' })).toThrow(
      new CapacityInputError("unknown component 'nope' (known: server)"),
    );
  });

  it('rejects a per-user component', () => {
    const station = mmc({ latency_ms: { p95: 60 } });
    const perUser = scenarioFrom({
      ...station,
      components: [{ ...station.components[0], scope: 'per-user', replicas: undefined, usd_per_hour: undefined }],
    });
    expect(() => capacitySweep(perUser, { component: 'server' })).toThrow(/is per-user/);
  });

  it('needs a latency budget', () => {
    expect(() => capacitySweep(mmc({}), {})).toThrow(/add budgets.latency_ms/);
  });
});
