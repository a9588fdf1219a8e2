// Users simulated as background load behave like detailed users: the share of their requests
// that finds a link down takes the fallback or fails, cache hits skip the cached step's work,
// scheduled outages apply at their time, and the rate follows the load profile's hours.
import { describe, expect, it } from 'vitest';
import { evaluateScenario, type OptionResult, type ScenarioInput } from '../../../simulator';
import { scenarioFrom } from './queue-scenarios';

// 80 requests/s in all of 10 ms (exponential) each: 0.8 of one executor's time.
const TOTAL_RPS = 80;
const SERVICE_MS = 10;
// Per-user outages: up 30 s, down 10 s on average (exponential): down a quarter of the time.
const UP_S = 30;
const DOWN_S = 10;
const DOWN_SHARE = DOWN_S / (UP_S + DOWN_S);
const HIT_RATE = 0.5;
// Users of an idle phone are all simulated in detail up to a million; beyond, the rest are background.
const BACKGROUND_POPULATION = 2_000_000;

function outageScenario(users: number, outages: NonNullable<ScenarioInput['links']>[number]['outages']) {
  return scenarioFrom({
    placewise: 1,
    name: 'background outages',
    seed: 3,
    hardware: { box: { cores: 1, gflops: 10 } },
    components: [
      { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
      { id: 'cloud', kind: 'cloud', hardware: 'box' },
      { id: 'edge', kind: 'edge', hardware: 'box' },
    ],
    links: [
      { id: 'lte', between: ['phone', 'cloud'], tech: 'lte', latency_ms: 10, mbps: 1000, outages },
      { id: 'wifi', between: ['phone', 'edge'], tech: 'wifi', latency_ms: 5, mbps: 1000 },
    ],
    workload: { users, per_user_rps: TOTAL_RPS / users, source: 'phone', requests: 100_000 },
    pipeline: [{ id: 'infer', compute_ms: { exponential: SERVICE_MS } }],
    options: [
      { id: 'remote', place: { infer: 'cloud' }, fallback: { infer: { at: 'edge' } } },
      {
        id: 'remote-cached',
        place: { infer: 'cloud' },
        fallback: { infer: { at: 'edge' } },
        cache: { infer: { at: 'phone', hit_rate: HIT_RATE } },
      },
    ],
  });
}

const utilization = (option: OptionResult, id: string) =>
  option.components.find((component) => component.id === id)?.utilization ?? 0;

/** Arrivals of the run and its span in seconds (the detailed users' requests over their rate). */
function runSpan(option: OptionResult, users: number) {
  const arrivals = option.completed + option.failed;
  return { arrivals, spanS: arrivals / (option.detailed_users * (TOTAL_RPS / users)) };
}

/**
 * Standard error of a simulated utilisation `expected` reached by a share `share` of all
 * requests. Its work is a sum of exponential service times over a Poisson number of jobs
 * (relative variance 2 / jobs); the span is a sum of the arrival gaps (1 / arrivals); and each
 * detailed user's share of time down over the span varies by 2 a^2 b^2 / ((a + b)^3 T) for
 * exponential up and down times a and b (an alternating renewal process), averaged over the
 * detailed users, who carry detailed / users of the load. Background users are down in exactly
 * their long-run share.
 */
function utilizationStandardError(
  option: OptionResult,
  users: number,
  expected: number,
  share: number,
  downShareFactor: number,
): number {
  const { arrivals, spanS } = runSpan(option, users);
  const jobs = TOTAL_RPS * spanS * share;
  const perUserVariance = (2 * UP_S ** 2 * DOWN_S ** 2) / ((UP_S + DOWN_S) ** 3 * spanS);
  const detailedShare = option.detailed_users / users;
  const downVariance = (perUserVariance / option.detailed_users) * detailedShare ** 2;
  return expected * Math.sqrt(2 / jobs + 1 / arrivals + downVariance * downShareFactor ** 2);
}

describe('background users', () => {
  it('follow per-user outages to the fallback and skip cached work, like detailed users', () => {
    // Two million users are more than a run details (a million), so half of them are background.
    const runs = [1000, BACKGROUND_POPULATION].map((users) => ({
      users,
      results: evaluateScenario(
        outageScenario(users, { every_s: { exponential: UP_S }, lasting_s: { exponential: DOWN_S } }),
      ),
    }));
    expect(runs[0].results.options[0].detailed_users).toBe(1000);
    expect(runs[1].results.options[0].detailed_users).toBeLessThan(BACKGROUND_POPULATION);
    for (const [index, hitShare] of [
      [0, 1],
      [1, 1 - HIT_RATE],
    ]) {
      const load = (TOTAL_RPS * SERVICE_MS * hitShare) / 1000;
      const expected = { cloud: load * (1 - DOWN_SHARE), edge: load * DOWN_SHARE };
      const errors = { cloud: [] as number[], edge: [] as number[] };
      for (const { users, results } of runs) {
        const option = results.options[index];
        for (const id of ['cloud', 'edge'] as const) {
          const share = (expected[id] / load) * hitShare;
          const factor = id === 'cloud' ? 1 / (1 - DOWN_SHARE) : 1 / DOWN_SHARE;
          const standardError = utilizationStandardError(option, users, expected[id], share, factor);
          errors[id].push(standardError);
          expect(Math.abs(utilization(option, id) - expected[id]), `${option.id} ${id}, ${users} users`).toBeLessThan(
            4 * standardError,
          );
        }
      }
      for (const id of ['cloud', 'edge'] as const) {
        const [detailed, background] = runs.map(({ results }) => utilization(results.options[index], id));
        expect(Math.abs(detailed - background)).toBeLessThan(4 * Math.hypot(...errors[id]));
      }
    }
  });

  it('follow a scheduled outage at its time', () => {
    // Everybody's link is down for the first 1,200 s of a run of about 2,750 s (110,000 arrivals
    // from a million detailed users at 80 / 2,000,000 requests per second each): until then all
    // requests run at the edge, afterwards in the cloud.
    const users = BACKGROUND_POPULATION;
    const outageS = 1200;
    const option = evaluateScenario(outageScenario(users, { schedule: [[0, outageS]] })).options[0];
    expect(option.detailed_users).toBeLessThan(users);
    const { spanS } = runSpan(option, users);
    const load = (TOTAL_RPS * SERVICE_MS) / 1000;
    const downShare = outageS / spanS;
    const expected = { cloud: load * (1 - downShare), edge: load * downShare };
    for (const id of ['cloud', 'edge'] as const) {
      const standardError = utilizationStandardError(option, users, expected[id], expected[id] / load, 0);
      expect(Math.abs(utilization(option, id) - expected[id]), id).toBeLessThan(4 * standardError);
    }
  });

  it('follow a shared link’s outages as they happen, or its long-run share when they flip too fast to follow', () => {
    // Phones reach the cloud through a shared gateway; the gateway-cloud link goes down for
    // everybody at once, and the gateway then runs the step. Whatever share of the run the link
    // was down in this run, the detailed requests that started offline measure it, and the
    // background must send the same share to the gateway.
    const users = BACKGROUND_POPULATION;
    for (const outages of [
      { every_s: { exponential: UP_S }, lasting_s: { exponential: DOWN_S } },
      { every_s: { exponential: 0.000003 }, lasting_s: { exponential: 0.000001 } },
    ]) {
      const scenario = scenarioFrom({
        placewise: 1,
        name: 'shared outages',
        seed: 3,
        hardware: { box: { cores: 1, gflops: 10 } },
        components: [
          { id: 'phone', kind: 'phone', hardware: 'phone-midrange' },
          { id: 'gateway', kind: 'edge', hardware: 'box' },
          { id: 'cloud', kind: 'cloud', hardware: 'box' },
        ],
        links: [
          { id: 'wifi', between: ['phone', 'gateway'], tech: 'wifi', latency_ms: 0, mbps: 1000 },
          { id: 'backbone', between: ['gateway', 'cloud'], tech: 'ethernet', latency_ms: 0, outages },
        ],
        workload: { users, per_user_rps: TOTAL_RPS / users, source: 'phone', sink: 'gateway', requests: 100_000 },
        pipeline: [{ id: 'infer', compute_ms: { exponential: SERVICE_MS } }],
        options: [{ id: 'remote', place: { infer: 'cloud' }, fallback: { infer: { at: 'gateway' } } }],
      });
      const option = evaluateScenario(scenario).options[0];
      expect(option.detailed_users).toBeLessThan(users);
      const { arrivals } = runSpan(option, users);
      const downShare = option.offline.requests / arrivals;
      const load = (TOTAL_RPS * SERVICE_MS) / 1000;
      for (const [id, share] of [
        ['cloud', 1 - downShare],
        ['gateway', downShare],
      ] as const) {
        // The work's compound-Poisson noise, and the binomial noise of the offline share.
        const expected = load * share;
        const standardError = Math.hypot(
          utilizationStandardError(option, users, expected, share, 0),
          load * Math.sqrt((downShare * (1 - downShare)) / arrivals),
        );
        expect(Math.abs(utilization(option, id) - expected), `${id}`).toBeLessThan(4 * standardError);
      }
    }
  });

  it('follow the load profile, so that an autoscaler scales up at the load step, not at the start', () => {
    // 300 requests/s of 3 ms in hour 0 (0.9 executors busy: 2 replicas at a 50% target), ten
    // times that from hour 1 (9 busy: 18 replicas). 2.3 million requests are more than a
    // duration run simulates in detail, so most users are background load.
    const profile = [1, 10, ...Array(22).fill(0)];
    const scenario = scenarioFrom({
      placewise: 1,
      name: 'load step',
      seed: 3,
      hardware: { box: { cores: 1, gflops: 10 } },
      components: [
        { id: 'client', kind: 'phone', hardware: 'phone-midrange' },
        {
          id: 'server',
          kind: 'cloud',
          hardware: 'box',
          replicas: { min: 1, max: 30, target_utilization: 0.5, scale_interval_s: 60 },
        },
      ],
      links: [{ id: 'net', between: ['client', 'server'], tech: 'ethernet', latency_ms: 0 }],
      workload: { users: 10_000, per_user_rps: 0.03, load_profile: profile, source: 'client', duration_s: 4000 },
      pipeline: [{ id: 'serve', at: 'server', compute_ms: { exponential: 3 } }],
      options: [{ id: 'only' }],
    });
    const option = evaluateScenario(scenario).options[0];
    expect(option.detailed_users).toBeLessThan(10_000);
    const timeline = option.autoscaling![0].timeline;
    const beforeStep = timeline.filter(([time]) => time < 3600).map(([, replicas]) => replicas);
    expect(Math.max(...beforeStep)).toBeLessThanOrEqual(3);
    const firstAfter = timeline.find(([time]) => time >= 3600)!;
    expect(firstAfter[0]).toBeLessThanOrEqual(3600 + 60);
    expect(firstAfter[1]).toBeGreaterThanOrEqual(15);
  });
});
