// A Monte Carlo sample's success rate, post-stratified on the known share of requests that start
// offline (post-stratified-success.ts): checked over many seeds against the success that the
// outage process gives exactly, for its bias, its spread and the coverage of its interval.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../simulator';
import { evaluateOption } from '../../../simulator/evaluate/evaluate-scenario';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { warmupRequests } from '../../../simulator/evaluate/run-shape';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import type { OptionResult } from '../../../simulator/results';
import { evaluateSample, LOOK_RISK } from '../../../simulator/uncertainty/adaptive-sample';
import {
  knownOfflineShare,
  postStratifiedInterval,
  postStratifiedSuccess,
  successStrata,
  withPostStratifiedSuccess,
} from '../../../simulator/uncertainty/post-stratified-success';
import { optionVariability, verdictInterval } from '../../../simulator/uncertainty/verdict-intervals';
import { arOption, loadScenario } from '../export/ar-scenario';
import { scenarioFrom } from '../simulator/queue-scenarios';
import { crossing, DOWN_SHARE, model, REQUESTS } from './crossing-scenario';

const Z99 = 2.5758293035489004;
const SEEDS = 200;

function runs(input: ScenarioInput) {
  const { system, plan } = model(input);
  const results = Array.from({ length: SEEDS }, (_, seed) =>
    evaluateOption(system, plan, { requests: REQUESTS, fidelity: 'preview' }, seed + 1),
  );
  return { system, plan, results };
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const sd = (values: number[]) => {
  const centre = mean(values);
  return Math.sqrt(values.reduce((sum, value) => sum + (value - centre) ** 2, 0) / (values.length - 1));
};

describe('the offline share', () => {
  it('is the long-run down share of the one link on the route, and unknown where nothing goes down', () => {
    const { system, plan } = model(crossing(0));
    expect(knownOfflineShare(system, plan)).toBeCloseTo(DOWN_SHARE, 15);
    const ar = loadScenario('scenarios/ar-translation.yaml');
    const arSystem = buildSystemModel(ar);
    const share = (id: string) =>
      knownOfflineShare(
        arSystem,
        buildOptionPlan(
          arSystem,
          ar.options.find((option) => option.id === id)!,
        ),
      );
    // The phone's cellular link: down 90 s of every 1,800 + 90 (the ranges' midpoints).
    expect(share('cloud')).toBeCloseTo(90 / (1800 + 90), 12);
    // Everything on the glasses: no link with outages on the way.
    expect(share('on-glasses')).toBeUndefined();
  });

  it("is the share of requests that find some link of their route down, each user's links independent", () => {
    // Glasses that reach the server through the phone: both links go down, each on its own.
    const input = crossing(0);
    const relayed = {
      ...input,
      hardware: { ...input.hardware, specs: { cores: 1, gflops: 1 } },
      components: [{ id: 'glasses', kind: 'wearable', hardware: 'specs' }, ...input.components],
      links: [
        ...input.links!,
        {
          id: 'bluetooth',
          between: ['glasses', 'phone'],
          tech: 'bluetooth',
          outages: { every_s: { uniform: [50, 250] }, lasting_s: 50 },
        },
      ],
      workload: { ...input.workload, source: 'glasses' },
    } as ScenarioInput;
    const { system, plan } = model(relayed);
    // Up 150 s, down 50 s on average: down a quarter of the time too.
    expect(knownOfflineShare(system, plan)).toBeCloseTo(1 - (1 - DOWN_SHARE) * (1 - 0.25), 15);
  });

  it('is unknown where outages follow a schedule, for all users go offline at once', () => {
    const input = crossing(0);
    const scheduled = {
      ...input,
      links: input.links!.map((link) => ({ ...link, outages: { schedule: [[0, 10]] } })),
    } as ScenarioInput;
    const { system, plan } = model(scheduled);
    expect(knownOfflineShare(system, plan)).toBeUndefined();
  });
});

describe('the post-stratified success', () => {
  // A second of work on the phone before the crossing: a request that starts offline may find
  // the link back up by then (success about 0.05 among them), one that starts online may find it
  // down (about 0.98): both strata vary, and the figure has to estimate both.
  const { results } = runs(crossing(1000));

  it('counts the requests of both strata over the same run, warm-up included', () => {
    for (const result of results.slice(0, 10)) {
      const { offline, online } = successStrata(result);
      expect(offline.requests + online.requests).toBe(REQUESTS + warmupRequests(REQUESTS));
      expect(offline.completed + online.completed).toBeCloseTo(result.completed, 9);
      expect(result.success_rate).toBeCloseTo(result.completed / (REQUESTS + warmupRequests(REQUESTS)), 15);
    }
  });

  it('is exactly 1 - the offline share where a request fails exactly when it starts offline', () => {
    const { results } = runs(crossing(0));
    for (const result of results.slice(0, 20)) {
      // Every offline request fails, every other completes: the figure has no noise left.
      expect(result.offline.success_rate).toBe(0);
      expect(result.failed).toBe(result.offline.requests);
      expect(postStratifiedSuccess(result, DOWN_SHARE)).toBeCloseTo(1 - DOWN_SHARE, 15);
    }
    // The plain share is the run's chance share of online requests.
    expect(sd(results.map((result) => result.success_rate))).toBeGreaterThan(0.01);
  });

  it('is unbiased, and spreads over the seeds far less than the plain share', () => {
    const stratified = results.map((result) => postStratifiedSuccess(result, DOWN_SHARE));
    const plain = results.map((result) => result.success_rate);
    expect(Math.abs(mean(stratified) - (1 - DOWN_SHARE))).toBeLessThan((Z99 * sd(stratified)) / Math.sqrt(SEEDS));
    // The plain share is unbiased too, but most of its spread is the chance share of offline requests.
    expect(Math.abs(mean(plain) - (1 - DOWN_SHARE))).toBeLessThan((Z99 * sd(plain)) / Math.sqrt(SEEDS));
    expect(sd(stratified)).toBeLessThan(sd(plain) / 2);
  });

  it('has an interval that misses the success at most as often as its risk allows', () => {
    const risk = 0.2;
    const { system, plan } = model(crossing(1000));
    const variability = optionVariability(system, plan);
    expect(variability.offlineShare).toBeCloseTo(DOWN_SHARE, 15);
    let misses = 0;
    for (const result of results) {
      const sample = withPostStratifiedSuccess(result, variability.offlineShare);
      const verdict = sample.budgets.find((entry) => entry.name === 'success_rate')!;
      const [low, high] = verdictInterval(system, variability, sample, verdict, risk) as [number, number];
      // The interval is of the figure the sample reports.
      expect(low).toBeLessThanOrEqual(sample.success_rate);
      expect(high).toBeGreaterThanOrEqual(sample.success_rate);
      if (1 - DOWN_SHARE < low || 1 - DOWN_SHARE > high) misses++;
    }
    expect(misses / SEEDS).toBeLessThanOrEqual(risk + Z99 * Math.sqrt((risk * (1 - risk)) / SEEDS));
    // Not so wide as to say nothing: a quarter of the way from 0 to 1 at the most.
    const widths = results.map((result) => {
      const [low, high] = postStratifiedInterval(result, DOWN_SHARE, (requests) => Math.min(requests, 200), risk);
      return high - low;
    });
    expect(Math.max(...widths)).toBeLessThan(0.25);
  });

  it('lets a run with no request offline say nothing of that stratum: its share spans all of [0, 1]', () => {
    // Outages once in 30 years: no request starts offline.
    const { system, plan } = model(crossing(0, false));
    const result = evaluateOption(system, plan, { requests: REQUESTS, fidelity: 'preview' }, 1);
    expect(result.offline.requests).toBe(0);
    const share = knownOfflineShare(system, plan)!;
    expect(share).toBeGreaterThan(0);
    expect(postStratifiedSuccess(result, share)).toBe(result.success_rate);
    const [low, high] = postStratifiedInterval(result, share, (requests) => requests, LOOK_RISK);
    // Every request completed: the online stratum's interval reaches 1, the offline one adds its whole share.
    expect(result.success_rate).toBe(1);
    expect(high).toBeCloseTo(1, 15);
    expect(low).toBeLessThan(1 - share);
    expect(high - low).toBeGreaterThan(share);
  });

  it('replaces a sample success figure and recomputes its verdict and the pass, so that they agree', () => {
    const sample = withPostStratifiedSuccess(results[0], DOWN_SHARE);
    expect(sample.success_rate).toBe(postStratifiedSuccess(results[0], DOWN_SHARE));
    const verdict = sample.budgets.find((entry) => entry.name === 'success_rate')!;
    expect(verdict.value).toBe(sample.success_rate);
    expect(verdict.pass).toBe(sample.success_rate >= 0.7);
    // A budget between the plain share and the post-stratified one turns the verdict, and the pass.
    const between = (results[0].success_rate + sample.success_rate) / 2;
    const moved: OptionResult = {
      ...results[0],
      budgets: results[0].budgets.map((entry) => ({
        ...entry,
        limit: between,
        pass: results[0].success_rate >= between,
      })),
    };
    const turned = withPostStratifiedSuccess(moved, DOWN_SHARE);
    expect(turned.budgets[0].pass).toBe(!moved.budgets[0].pass);
    expect(turned.pass).toBe(turned.budgets[0].pass);
    // Where the share is unknown, the run is the sample's as it is.
    expect(withPostStratifiedSuccess(results[0], undefined)).toBe(results[0]);
  });

  it('is what a Monte Carlo sample reports', () => {
    const scenario = scenarioFrom(crossing(1000));
    const [outcome] = evaluateSample(scenario, { seed: 3, requests: 1600 });
    const system = buildSystemModel(scenario);
    const plan = buildOptionPlan(system, scenario.options[0]);
    // The reported run: the full one, or the stage of 200 or 400 requests the sample stopped at.
    const { method, requests } = outcome.evaluation!;
    const last = method === 'full' ? 1600 : requests === 200 ? 200 : 400;
    const run = evaluateOption(system, plan, { requests: last, fidelity: 'preview', usersFor: 1600 }, 3);
    expect(outcome.metrics.success_rate).toBe(postStratifiedSuccess(run, DOWN_SHARE));
  });
});

describe('where it applies', () => {
  it('where most requests that start offline fail, not where a cache gets most of them through', () => {
    // The smart keyboard's server options: offline, a request to the server fails, unless (in
    // server-cached) the phone's cache, hit 80% of the time, answers it. There the strata differ
    // little, and two half-risk intervals would be wider than the plain share's one.
    const keyboard = loadScenario('scenarios/smart-keyboard.yaml');
    const system = buildSystemModel(keyboard);
    const variabilityOf = (id: string) =>
      optionVariability(
        system,
        buildOptionPlan(
          system,
          keyboard.options.find((option) => option.id === id)!,
        ),
      );
    const share = knownOfflineShare(system, buildOptionPlan(system, keyboard.options[0]));
    expect(share).toBeGreaterThan(0);
    expect(variabilityOf('server').offlineShare).toBe(share);
    expect(variabilityOf('server-cached').canFail).toBe(true);
    expect(variabilityOf('server-cached').offlineShare).toBeUndefined();
  });
});

describe('an option with a fallback', () => {
  it('keeps success at 1 where offline requests succeed on the phone', () => {
    // The AR hybrid: translation falls back to the phone's small model when the cellular link is down.
    const { system, plan } = arOption('hybrid');
    const share = knownOfflineShare(system, plan)!;
    expect(share).toBeGreaterThan(0);
    const result = evaluateOption(system, plan, { requests: 2000, fidelity: 'preview' }, 7);
    expect(result.offline.requests).toBeGreaterThan(0);
    expect(result.offline.success_rate).toBe(1);
    expect(postStratifiedSuccess(result, share)).toBe(1);
    // No link state at arrival can fail a request, and a sample keeps the run's own figure; only
    // the link going down while a request is on its way can (outage-transitions.ts): success is
    // within a hair of 1, not fixed at it.
    const variability = optionVariability(system, plan);
    expect(variability.offlineShare).toBeUndefined();
    const verdict = result.budgets.find((entry) => entry.name === 'success_rate')!;
    const [low, high] = verdictInterval(system, variability, result, verdict, LOOK_RISK) as [number, number];
    expect(high).toBe(1);
    expect(low).toBeLessThan(1);
    expect(low).toBeGreaterThan(0.999);
  });
});
