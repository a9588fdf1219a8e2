// One Monte Carlo sample, option by option, at the least cost that settles its verdicts: an
// option that is exactly one M/M/c station takes the closed form (exact-outcome.ts); any other
// is simulated in stages, runs of an eighth and a quarter of the requests at preview fidelity,
// and kept after the first that decides every budget verdict (verdict-intervals.ts). Where
// devices are idle (a user sends at most about one request) and shared components would be busy
// with the other users' jobs, a stage details every user, so that no other users' jobs are left
// to simulate (run-shape.ts, `usersFor`; its waits at the users' own devices are then a little
// shorter than the full run's: the AR options' p95 some 3 to 4% lower). An option none decides is
// simulated at the full request count: the same run a sample made before stages existed (same
// requests, fidelity and seed). The verdicts that even the full run leaves undecided are
// reported as such (the study's pass share ranges).
//
// A sample's success rate is post-stratified on the share of requests that start offline where
// that share is known exactly (post-stratified-success.ts): a stage's figure, its verdict and its
// interval are all of that estimate, which leaves far fewer success verdicts undecided than the
// run's plain share (whose spread is mostly the run's chance share of offline requests).
//
// Every stage is its own run with the sample's seed, so the outcome depends only on the sample,
// never on the order or the worker that evaluates it. A stage is tried only where it costs at
// most a third of the full run (run-work.ts), so that it pays once it decides a third of the
// samples; and only while it could decide: after a stage that does not, the sample goes on to
// the first later stage that would decide were its figures this one's, or else straight to the full
// run. A half-size stage is not among them: it always costs more than a third of the full run.
import { evaluateOption } from '../evaluate/evaluate-scenario';
import { buildOptionPlan, type OptionPlan } from '../evaluate/option-plan';
import { planEstimate } from '../evaluate/plan-figures';
import { planRun } from '../evaluate/run-shape';
import { buildSystemModel, type SystemModel } from '../evaluate/system-model';
import type { AnalyticEstimate, OptionResult } from '../results';
import type { Scenario } from '../scenario/schema';
import { exactOutcome } from './exact-outcome';
import { requestVisits, runWork } from './run-work';
import { withPostStratifiedSuccess } from './post-stratified-success';
import { type OptionOutcome, optionOutcome } from './sample-metrics';
import { allDecided, optionVariability, verdictStates } from './verdict-intervals';

/** The stages' shares of the full request count, each at least MIN_STAGE requests. */
const STAGE_SHARES = [1 / 8, 1 / 4];
const MIN_STAGE = 200;
/**
 * The chance that a sample reports a verdict as decided that its figure does not have. A sample
 * looks at its verdicts after each stage and after the full run; each look's intervals miss with
 * at most LOOK_RISK, and by the union bound (Bonferroni) the chance that any look a sample makes
 * misses is at most STOP_RISK, whichever stages it runs or skips.
 */
export const STOP_RISK = 0.01;
export const LOOK_RISK = STOP_RISK / (STAGE_SHARES.length + 1);

export interface SampleSettings {
  seed: number;
  /** The full request count: what an option no stage decides is simulated with. */
  requests: number;
  options?: string[];
  /** Options simulated in full at once, their stages futile for the study (futile-stages.ts). */
  withoutStages?: ReadonlySet<string>;
}

export function evaluateSample(scenario: Scenario, settings: SampleSettings): OptionOutcome[] {
  const system = buildSystemModel(scenario);
  const chosen = settings.options ? new Set(settings.options) : undefined;
  return scenario.options
    .filter((option) => !chosen || chosen.has(option.id))
    .map((option) => {
      const plan = buildOptionPlan(system, option);
      const exact = exactOutcome(system, plan);
      if (exact) return { ...exact, evaluation: { method: 'exact', requests: 0 } };
      const variability = optionVariability(system, plan);
      // A stage details every user where devices are idle, the full run the users its own request
      // count needs (usersFor below). A sample keeps no batch-means intervals of its runs' latencies, nor any detail only a
      // report reads (sample-metrics.ts).
      const run = { fidelity: 'preview' as const, latencyIntervals: false, details: false };
      const simulate = (requests: number) =>
        withPostStratifiedSuccess(
          evaluateOption(
            system,
            plan,
            { ...run, usersFor: usersFor(requests, settings.requests), requests },
            settings.seed,
          ),
          variability.offlineShare,
        );
      const decided = (result: OptionResult) => allDecided(system, variability, result, LOOK_RISK);
      // What varies over time for all users at once leaves no stage able to decide.
      const estimate = variability.sharedOverTime ? undefined : planEstimate(system, plan);
      const staged = estimate && !settings.withoutStages?.has(option.id);
      const stages = staged ? stagesOf(system, plan, estimate, settings.requests) : [];
      let requests = 0;
      let stage = 0;
      while (estimate && stage < stages.length) {
        const result = simulate(stages[stage]);
        requests += result.requests;
        if (decided(result)) return { ...optionOutcome(result), evaluation: { method: 'pilot', requests } };
        const from = stage;
        // The later stage's detailed users, as its own run would have them.
        const usersOf = (count: number) =>
          planRun(system, estimate, count, run.fidelity, usersFor(count, settings.requests)).detailedUsers;
        stage = stages.findIndex(
          (count, later) => later > from && decided(scaledRun(result, count / stages[from], usersOf(count))),
        );
        if (stage < 0) break;
      }
      // The full run is reported whatever it decides; the verdicts whose intervals straddle
      // their limits even so are reported as undecided, so that the study can say how far
      // they could move its pass shares.
      const result = simulate(settings.requests);
      const undecided = [...verdictStates(system, variability, result, LOOK_RISK)].flatMap(([name, state]) =>
        state === 'undecided' ? [name] : [],
      );
      return {
        ...optionOutcome(result),
        evaluation: { method: 'full', requests: requests + result.requests, undecided },
      };
    });
}

// A stage details every user where devices are idle (see run-shape.ts, `usersFor`); the full run
// the users its own request count needs, as a sample's run did before stages existed.
function usersFor(count: number, requests: number): number | undefined {
  return count < requests ? Number.POSITIVE_INFINITY : undefined;
}

/**
 * The request counts of the stages worth trying, shortest first: those under half the full
 * count that cost at most a third of the full run. A run whose cost is the background users'
 * load on shared components spans the same simulated time however few requests are detailed,
 * unless its devices are idle: then a stage details every user, and leaves no background.
 */
export function stageRequests(system: SystemModel, plan: OptionPlan, requests: number): number[] {
  return stagesOf(system, plan, planEstimate(system, plan), requests);
}

function stagesOf(system: SystemModel, plan: OptionPlan, estimate: AnalyticEstimate, requests: number): number[] {
  const visits = requestVisits(system, estimate);
  const work = (count: number) =>
    runWork(system, visits, planRun(system, estimate, count, 'preview', usersFor(count, requests)));
  const full = work(requests);
  // `| 0` keeps the counts small integers (the same whole numbers): mapped from the shares'
  // array of doubles, V8 may hold them as doubles, and as boxed numbers they then turn every
  // run shape and result whose fields they fill from integer to double fields, a change that
  // deoptimises every function reading those objects, the event loop's among them.
  const counts = [...new Set(STAGE_SHARES.map((share) => Math.max(MIN_STAGE, Math.ceil(requests * share)) | 0))];
  return counts.filter((count) => 2 * count <= requests && 3 * work(count) <= full);
}

// The run as if it had `factor` times the requests with the same figures: what a later stage's
// intervals would be were its figures this run's. Only the counts the intervals use grow (the
// requests, completed, failed and offline ones), and the detailed users become the later stage's.
function scaledRun(result: OptionResult, factor: number, detailedUsers: number): OptionResult {
  return {
    ...result,
    requests: result.requests * factor,
    completed: result.completed * factor,
    failed: result.failed * factor,
    detailed_users: detailedUsers,
    offline: { ...result.offline, requests: result.offline.requests * factor },
  };
}
