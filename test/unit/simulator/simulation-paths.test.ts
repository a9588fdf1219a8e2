// More of the simulation's own paths (simulate-option.ts), each on a small deterministic scenario
// where the figures can be worked out by hand: a batched step's requests step by step, two
// batchers that each wake on their own, thousands of requests in flight at once, the users' own
// stations, and the streams of randomness that each step, cache, fallback, cascade and device
// population draws from (one each: a shared stream would make two of them move together).
import { describe, expect, it } from 'vitest';
import { evaluateScenario, type ScenarioInput } from '../../../simulator';
import { estimateOption } from '../../../simulator/analytic/option-estimate';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { planRun } from '../../../simulator/evaluate/run-shape';
import { simulateOption } from '../../../simulator/evaluate/simulate-option';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import { scenarioFrom } from './queue-scenarios';

type Workload = Partial<ScenarioInput['workload']>;
type Link = NonNullable<ScenarioInput['links']>[number];

/** The phone's link to the server: no latency unless told, and whatever else is given. */
const net = (settings: Partial<Link> = {}): Link => ({
  id: 'net',
  between: ['phone', 'server'],
  tech: 'ethernet',
  latency_ms: 0,
  ...settings,
});

/** A phone that sends requests to a server over a link with no latency, one step on the server. */
const phoneAndServer = (workload: Workload, rest: Partial<ScenarioInput>): ScenarioInput => ({
  placewise: 1,
  name: 'paths',
  seed: 5,
  hardware: { box: { cores: 1, gflops: 10 } },
  components: [
    { id: 'phone', kind: 'phone', hardware: 'box' },
    { id: 'server', kind: 'cloud', hardware: 'box' },
  ],
  links: [net()],
  workload: { users: 1, per_user_rps: 100, arrivals: 'periodic', source: 'phone', requests: 4000, ...workload },
  pipeline: [{ id: 'serve', at: 'server', compute_ms: 1 }],
  options: [{ id: 'only' }],
  ...rest,
});

type Model = NonNullable<ScenarioInput['models']>[number];

/**
 * Two 1 ms steps on the phone (0.01 gflop), `first` and `second`, each escalating at `rate` to a
 * second model on the server: `large` after the first, `larger` after the second (by default
 * 1 and 2 gflop: 100 and 200 ms).
 */
const twoCascades = (
  workload: Workload,
  rate: number,
  large: Partial<Model> = { gflop: 1 },
  larger: Partial<Model> = { gflop: 2 },
): ScenarioInput =>
  phoneAndServer(workload, {
    models: [
      { id: 'small', size_mb: 1, gflop: 0.01 },
      { id: 'large', size_mb: 1, gflop: 1, ...large },
      { id: 'larger', size_mb: 1, gflop: 2, ...larger },
    ],
    pipeline: [
      { id: 'first', at: 'phone', model: 'small' },
      { id: 'second', at: 'phone', model: 'small' },
    ],
    options: [
      {
        id: 'only',
        cascade: {
          first: { model: 'large', at: 'server', escalate_rate: rate },
          second: { model: 'larger', at: 'server', escalate_rate: rate },
        },
      },
    ],
  });

const onlyOption = (input: ScenarioInput) => evaluateScenario(scenarioFrom(input)).options[0];

/** Four standard errors of a binomial share `p` over `n` trials. */
const binomialBound = (p: number, n: number) => 4 * Math.sqrt((p * (1 - p)) / n);

describe('a batched step', () => {
  // A request every 10 ms; batches of 4 leave when the 4th arrives, and a batch of 4 takes 1.5x
  // one inference (0.2 gflop at 10 gflops: 20 ms), 30 ms.
  const batchOfFour = { batching: { server: { max_batch: 4, max_wait_ms: 1000 } } };

  it("counts each request's wait for its batch as queueing, the batch's time as its run of the model, and the model's accuracy", () => {
    const option = onlyOption(
      phoneAndServer(
        {},
        {
          models: [{ id: 'm', size_mb: 1, gflop: 0.2, accuracy: 0.9, batch_curve: [[4, 1.5]] }],
          links: [net({ latency_ms: 5 })],
          pipeline: [{ id: 'serve', at: 'server', model: 'm' }],
          options: [{ id: 'only', ...batchOfFour }],
        },
      ),
    );
    // 5 ms to the server, waits of 30, 20, 10 and 0 ms for the batch to fill, the batch's 30 ms
    // and 5 ms back.
    expect(option.latency_ms.mean).toBeCloseTo(5 + 15 + 30 + 5, 6);
    expect(option.breakdown_ms.network).toBeCloseTo(10, 6);
    expect(option.breakdown_ms.queue).toBeCloseTo(15, 6);
    expect(option.breakdown_ms.compute).toBeCloseTo(30, 6);
    expect(option.steps).toEqual([{ id: 'serve', at: 'server', mean_ms: expect.closeTo(30, 6), share: 1 }]);
    expect(option.accuracy).toBeCloseTo(0.9, 12);
  });

  it('of a model without an accuracy runs at the default batch factor, and leaves the accuracy to the other models', () => {
    const option = onlyOption(
      phoneAndServer(
        {},
        {
          models: [
            { id: 'judge', size_mb: 1, gflop: 0.01, accuracy: 0.8 },
            { id: 'm', size_mb: 1, gflop: 0.2 },
          ],
          // 1 ms of judging on the phone, then the model's 20 ms on the server, batched.
          pipeline: [
            { id: 'judge', at: 'phone', model: 'judge' },
            { id: 'serve', at: 'server', model: 'm' },
          ],
          options: [{ id: 'only', ...batchOfFour }],
        },
      ),
    );
    // The default factor of a batch of 4 is 1 + 0.3 x 3 = 1.9: 38 ms.
    expect(option.steps[1]).toEqual({ id: 'serve', at: 'server', mean_ms: expect.closeTo(38, 6), share: 1 });
    expect(option.accuracy).toBeCloseTo(0.8, 12);
  });

  it('after another step on its component waits for its batch: the run to completion stops before it', () => {
    const option = onlyOption(
      phoneAndServer(
        {},
        {
          models: [{ id: 'm', size_mb: 1, gflop: 0.2, batch_curve: [[4, 1.5]] }],
          pipeline: [
            { id: 'parse', at: 'server', compute_ms: 1 },
            { id: 'serve', at: 'server', model: 'm' },
          ],
          options: [{ id: 'only', ...batchOfFour }],
        },
      ),
    );
    expect(option.batching![0].mean_batch).toBe(4);
    expect(option.breakdown_ms.compute).toBeCloseTo(1 + 30, 6);
  });

  it('on two components, one autoscaled: each batcher wakes for its own partial batch', () => {
    // Requests 100 ms apart never share a batch: at each server a request waits 25 ms for
    // company, then runs its model's 1 ms (0.01 gflop at 10 gflops). The store's autoscaler
    // ticks every second beside the batchers' wake-ups (1% busy: it stays at one replica).
    const partial = { max_batch: 8, max_wait_ms: 25 };
    const option = onlyOption(
      phoneAndServer(
        { per_user_rps: 10, requests: 200 },
        {
          components: [
            { id: 'phone', kind: 'phone', hardware: 'box' },
            { id: 'server', kind: 'cloud', hardware: 'box' },
            {
              id: 'store',
              kind: 'cloud',
              hardware: 'box',
              replicas: { min: 1, max: 2, target_utilization: 0.5, scale_interval_s: 1 },
            },
          ],
          links: [net(), { id: 'dc', between: ['server', 'store'], tech: 'ethernet', latency_ms: 0 }],
          models: [{ id: 'm', size_mb: 1, gflop: 0.01 }],
          pipeline: [
            { id: 'serve', at: 'server', model: 'm' },
            { id: 'store', at: 'store', model: 'm' },
          ],
          options: [{ id: 'only', batching: { server: partial, store: partial } }],
        },
      ),
    );
    expect(option.batching!.map((batching) => batching.mean_batch)).toEqual([1, 1]);
    expect(option.autoscaling![0].mean_replicas).toBe(1);
    expect(option.latency_quantiles_ms[0]).toBeCloseTo(2 * (25 + 1), 6);
    expect(option.latency_ms.max).toBeCloseTo(2 * (25 + 1), 6);
    expect(option.success_rate).toBe(1);
  });
});

describe('requests in flight', () => {
  it('thousands at once (a request every millisecond, 2 s each way) each keep their own state', () => {
    // No request waits: 0.5 ms of service a millisecond apart, and a link that only delays.
    const option = onlyOption(
      phoneAndServer(
        { per_user_rps: 1000, requests: 6000 },
        {
          links: [net({ latency_ms: 2000 })],
          pipeline: [{ id: 'serve', at: 'server', compute_ms: 0.5 }],
        },
      ),
    );
    expect(option.success_rate).toBe(1);
    expect(option.latency_quantiles_ms[0]).toBeCloseTo(4000.5, 6);
    expect(option.breakdown_ms.network).toBeCloseTo(4000, 6);
    expect(option.latency_ms.max).toBeCloseTo(4000.5, 6);
  });
});

/** simulateOption's run of the scenario's first option, at the run shape the evaluation plans. */
function runOf(input: ScenarioInput) {
  const scenario = scenarioFrom(input);
  const system = buildSystemModel(scenario);
  const plan = buildOptionPlan(system, scenario.options[0]);
  return simulateOption(system, plan, planRun(system, estimateOption(system, plan), undefined), scenario.seed);
}

describe("the users' own stations", () => {
  it('are made once per user, at its first request', () => {
    // Three users, each with a phone of its own that prepares every request.
    const run = runOf(
      phoneAndServer(
        { users: 3, per_user_rps: 1, requests: 300 },
        {
          pipeline: [
            { id: 'prepare', at: 'phone', compute_ms: 1 },
            { id: 'serve', at: 'server', compute_ms: 1 },
          ],
        },
      ),
    );
    expect(run.detailedUsers).toBe(3);
    expect(run.usersWithStations).toBe(3);
  });
});

describe("a requests run's span", () => {
  // 110 requests (100 measured after a warm-up of 10), 10 a second: the run spans 11 s. Its
  // outages are counted over half as long again, 16.5 s, so that a link is always down only when
  // it stays down well past the last request.
  const scheduled = (untilS: number) =>
    onlyOption(
      phoneAndServer(
        { per_user_rps: 10, requests: 100 },
        {
          links: [net({ outages: { schedule: [[0, untilS]] } })],
        },
      ),
    ).warnings;

  it('calls a link down until the requests end down for all of them, not always down', () => {
    expect(scheduled(11)).toContain('every request failed, so there is no latency: link net was down for 100% of them');
  });

  it('calls a link down for twice the span always down', () => {
    expect(scheduled(22)).toContain('every request failed, so there is no latency: link net is always down');
  });
});

describe('offline requests', () => {
  it('are those that start while a link they need is down, and count whether they completed', () => {
    // 110 requests, 10 a second from a phase under 0.1 s; the link is down for the first 5.5 s,
    // so the first 55 fail offline and the other 55 complete.
    const option = onlyOption(
      phoneAndServer(
        { per_user_rps: 10, requests: 100 },
        {
          links: [net({ outages: { schedule: [[0, 5.5]] } })],
        },
      ),
    );
    expect(option.offline).toEqual({ requests: 55, success_rate: 0, fallback_rate: 0 });
    expect(option.success_rate).toBe(0.5);
  });
});

describe('a cache on the component that runs the step', () => {
  it('answers only once the request is there', () => {
    // 5 ms each way: a cached answer still takes the way there and back.
    const option = onlyOption(
      phoneAndServer(
        { per_user_rps: 1, requests: 200 },
        {
          links: [net({ latency_ms: 5 })],
          pipeline: [{ id: 'serve', at: 'server', compute_ms: 20 }],
          options: [{ id: 'only', cache: { serve: { at: 'server', hit_rate: 0.5 } } }],
        },
      ),
    );
    expect(option.latency_quantiles_ms[0]).toBeCloseTo(10, 9);
    expect(option.latency_ms.max).toBeCloseTo(30, 9);
  });
});

describe("a cascade's second model on a busy server", () => {
  it("splits each request's time into queueing, compute and network that add up to its latency", () => {
    // Four requests a second, each escalating half the time to 100 ms and half to 200 ms on
    // the server (60% busy): escalations queue there, behind each other.
    const option = onlyOption(twoCascades({ per_user_rps: 4, requests: 400 }, 0.5));
    const { queue, compute, network } = option.breakdown_ms;
    expect(queue).toBeGreaterThan(0);
    expect(network).toBe(0);
    expect(queue + compute + network).toBeCloseTo(option.latency_ms.mean, 9);
    // Two first models of 1 ms each, and the escalations' 150 ms a request on average, whose
    // standard deviation (sqrt(100^2 / 4 + 200^2 / 4) = 112 ms) makes 4 standard errors over
    // 400 requests 22 ms.
    expect(Math.abs(compute - 152)).toBeLessThan(22);
  });
});

describe('a cache for a step that runs on after another on its component', () => {
  // parse (10 ms) then serve (20 ms) on the server, one run; a request a second.
  const parseThenServe = (cache: { at: string; hit_rate: number }) =>
    phoneAndServer(
      { per_user_rps: 1, requests: 400 },
      {
        pipeline: [
          { id: 'parse', at: 'server', compute_ms: 10 },
          { id: 'serve', at: 'server', compute_ms: 20 },
        ],
        options: [{ id: 'only', cache: { serve: cache } }],
      },
    );

  it('answers its share of the requests there, each counted once', () => {
    const run = runOf(parseThenServe({ at: 'server', hit_rate: 0.2 }));
    const [runs, , , , hits] = run.stepStats[1];
    expect(runs + hits).toBe(run.simulatedRequests);
    expect(Math.abs(hits / run.simulatedRequests - 0.2)).toBeLessThan(binomialBound(0.2, run.simulatedRequests));
  });
});

describe("the run's counts", () => {
  it('count each request that fell back once, and each answer a cache gave', () => {
    const fellBack = runOf(
      phoneAndServer(
        { per_user_rps: 1, requests: 100 },
        {
          links: [net({ outages: { schedule: [[0, 1e6]] } })],
          options: [{ id: 'only', fallback: { serve: { at: 'phone' } } }],
        },
      ),
    );
    expect(fellBack.simulatedRequests).toBe(110);
    expect(fellBack.fallbackRequests).toBe(110);
    const cached = runOf(
      phoneAndServer(
        { per_user_rps: 1, requests: 100 },
        { options: [{ id: 'only', cache: { serve: { at: 'server', hit_rate: 0.5 } } }] },
      ),
    );
    const [runs, , , , hits] = cached.stepStats[0];
    expect(hits).toBeGreaterThan(0);
    expect(runs + hits).toBe(110);
    expect(cached.fallbackRequests).toBe(0);
  });

  it('do not count a request caught on its way back by an outage as falling back', () => {
    // The server is busy all the time (100 ms a request, 10 a second), so when the link goes
    // down at 5 s one request is there: its way back fails, though its last step could fall
    // back. The requests after it start offline and serve and reply on the phone instead.
    const run = runOf(
      phoneAndServer(
        { per_user_rps: 10, requests: 100 },
        {
          links: [net({ outages: { schedule: [[5, 1e6]] } })],
          pipeline: [
            { id: 'serve', at: 'server', compute_ms: 100 },
            { id: 'reply', at: 'server', compute_ms: 0 },
          ],
          options: [{ id: 'only', fallback: { serve: { at: 'phone' }, reply: { at: 'phone' } } }],
        },
      ),
    );
    expect(run.failed).toBe(1);
    expect(run.offlineRequests).toBeGreaterThan(0);
    expect(run.fallbackRequests).toBe(run.offlineRequests);
  });
});

describe('personal data', () => {
  it("counts only personal steps' outputs leaving a user's own device", () => {
    // The phone prepares 2 kB that is not personal and sends it to the server.
    const run = runOf(
      phoneAndServer(
        { per_user_rps: 1, requests: 100 },
        {
          pipeline: [
            { id: 'prepare', at: 'phone', compute_ms: 1, output_kb: 2 },
            { id: 'serve', at: 'server', compute_ms: 1 },
          ],
        },
      ),
    );
    expect(run.linkKb[0]).toBe(2 * run.simulatedRequests);
    expect(run.personalKb).toBe(0);
  });
});

describe('streams of randomness', () => {
  it('are apart for two steps with the same random time', () => {
    const option = onlyOption(
      phoneAndServer(
        { per_user_rps: 1, requests: 400 },
        {
          pipeline: [
            { id: 'parse', at: 'server', compute_ms: { exponential: 10 } },
            { id: 'serve', at: 'server', compute_ms: { exponential: 10 } },
          ],
        },
      ),
    );
    const [parse, serve] = option.steps;
    // Equal means of 400 draws each would take the very same draws.
    expect(parse.mean_ms).not.toBe(serve.mean_ms);
  });

  it('are apart for two caches: both answer about a quarter of the requests', () => {
    // Both steps cached on the server at a half; a request a second, so nothing queues and each
    // latency tells which caches answered: 10 ms of parsing, 20 of serving.
    const requests = 400;
    const option = onlyOption(
      phoneAndServer(
        { per_user_rps: 1, requests },
        {
          pipeline: [
            { id: 'parse', at: 'server', compute_ms: 10 },
            { id: 'serve', at: 'server', compute_ms: 20 },
          ],
          options: [
            {
              id: 'only',
              cache: { parse: { at: 'server', hit_rate: 0.5 }, serve: { at: 'server', hit_rate: 0.5 } },
            },
          ],
        },
      ),
    );
    // A request both caches answered takes no time at all. With one stream the two caches
    // would answer the same requests: half of them, not a quarter.
    const quantiles = option.latency_quantiles_ms;
    expect(quantiles[0]).toBe(0);
    const answeredTwice = quantiles.filter((latency) => latency === 0).length / quantiles.length;
    expect(Math.abs(answeredTwice - 0.25)).toBeLessThan(binomialBound(0.25, requests) + 1 / quantiles.length);
  });

  it('are apart for two fallbacks with the same random time', () => {
    // The link is always down, so both steps run at their fallback on the phone.
    const option = onlyOption(
      phoneAndServer(
        { per_user_rps: 1, requests: 400 },
        {
          links: [net({ outages: { schedule: [[0, 1e6]] } })],
          pipeline: [
            { id: 'parse', at: 'server', compute_ms: { exponential: 10 } },
            { id: 'serve', at: 'server', compute_ms: { exponential: 10 } },
          ],
          options: [{ id: 'only', fallback: { parse: { at: 'phone' }, serve: { at: 'phone' } } }],
        },
      ),
    );
    const [parse, serve] = option.steps.filter((step) => step.at === 'phone');
    expect([parse.id, serve.id]).toEqual(['parse', 'serve']);
    expect(parse.mean_ms).toBeGreaterThan(0);
    expect(parse.mean_ms).not.toBe(serve.mean_ms);
  });

  it('are apart for two cascades: both escalate about a quarter of the requests', () => {
    // Two 1 ms steps on the phone, each escalating half of its requests to a second model on
    // the server: 100 ms after the first, 200 ms after the second (links take no time).
    const requests = 400;
    const option = onlyOption(twoCascades({ per_user_rps: 1, requests }, 0.5));
    const quantiles = option.latency_quantiles_ms;
    expect(quantiles.at(-1)).toBeCloseTo(302, 9);
    // With one stream the two would escalate the same requests: half of them twice.
    const escalatedTwice = quantiles.filter((latency) => Math.abs(latency - 302) < 1e-6).length / quantiles.length;
    expect(Math.abs(escalatedTwice - 0.25)).toBeLessThan(binomialBound(0.25, requests) + 1 / quantiles.length);
  });

  it("are apart for two device populations: each user's tier on one tells nothing of the other", () => {
    // 400 users, each with a phone and a watch of its own, each population half of two tiers.
    const run = runOf(
      phoneAndServer(
        { users: 400, per_user_rps: 0.01, requests: 50 },
        {
          hardware: { box: { cores: 1, gflops: 10 }, other: { cores: 1, gflops: 5 } },
          components: [
            {
              id: 'phone',
              kind: 'phone',
              hardware_mix: [
                { hardware: 'box', share: 0.5 },
                { hardware: 'other', share: 0.5 },
              ],
            },
            {
              id: 'watch',
              kind: 'wearable',
              hardware_mix: [
                { hardware: 'box', share: 0.5 },
                { hardware: 'other', share: 0.5 },
              ],
            },
            { id: 'server', kind: 'cloud', hardware: 'box' },
          ],
          links: [net(), { id: 'ble', between: ['phone', 'watch'], tech: 'bluetooth', latency_ms: 0 }],
          pipeline: [
            { id: 'sense', at: 'watch', compute_ms: 1 },
            { id: 'serve', at: 'server', compute_ms: 1 },
          ],
        },
      ),
    );
    const [phone, watch] = run.tiers.map((entry) => entry.tierOfUser);
    expect(phone.length).toBe(400);
    // The users whose two devices are of the same tier: about half, not all.
    const same = phone.filter((tier, user) => tier === watch[user]).length / phone.length;
    expect(Math.abs(same - 0.5)).toBeLessThan(binomialBound(0.5, phone.length));
  });

  it("are apart for two cascades' second models with the same measured (random) time", () => {
    // Every request escalates at both steps to a model measured at a median of 100 ms.
    const measured = { latency_ms: { p50: 100, p95: 200, on: 'box' } };
    const option = onlyOption(twoCascades({ per_user_rps: 0.1, requests: 200 }, 1, measured, measured));
    const [first, second] = option.steps.filter((step) => step.at === 'server');
    expect([first.id, second.id]).toEqual(['first', 'second']);
    expect(first.mean_ms).toBeGreaterThan(0);
    expect(first.mean_ms).not.toBe(second.mean_ms);
  });

  it('are apart for two links with the same random latency', () => {
    // The request crosses net, then dc, each 5 ms on average (exponential), and ends at the
    // store. Apart, the two add up to an Erlang-2 of mean 10 ms, under 1 ms with probability
    // 1 - e^-0.2 x 1.2 = 1.75%: about 7 of 400 requests, so the 5% quantile (the 20th) stays
    // above it. One stream would give both the same draw: twice an exponential of mean 5 ms,
    // under 1 ms for 1 - e^-0.1 = 9.5% of them.
    const option = onlyOption(
      phoneAndServer(
        { per_user_rps: 1, requests: 400, sink: 'store' },
        {
          components: [
            { id: 'phone', kind: 'phone', hardware: 'box' },
            { id: 'server', kind: 'cloud', hardware: 'box' },
            { id: 'store', kind: 'cloud', hardware: 'box' },
          ],
          links: [
            net({ latency_ms: { exponential: 5 } }),
            { id: 'dc', between: ['server', 'store'], tech: 'ethernet', latency_ms: { exponential: 5 } },
          ],
          pipeline: [
            { id: 'serve', at: 'server', compute_ms: 1 },
            { id: 'store', at: 'store', compute_ms: 1 },
          ],
        },
      ),
    );
    // 2 ms of compute, nothing queues.
    expect(option.latency_quantiles_ms[5] - 2).toBeGreaterThan(1);
  });
});
