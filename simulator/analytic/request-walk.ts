// Where a request of an option goes, as probabilities: every compute and hop it makes, each
// weighted by the probability that it makes it. The walk follows the engine's rules
// (simulate-option.ts) step by step: cache look-ups, run to completion on one component, and,
// where links may be down, the waiting step's fallback or the request's failure. It feeds the
// queueing estimate (every link up) and the background users' load on shared stations (links
// down with their long-run share, or as the simulated clock has them).
import type { OptionPlan, StepPlacement } from '../evaluate/option-plan';
import type { SystemModel } from '../evaluate/system-model';
import type { Sampler } from '../random/sampler';

export type Visit =
  | {
      kind: 'compute';
      probability: number;
      component: number;
      step: number;
      service: Sampler;
      /** True where the step runs at its fallback (never batched). */
      fallback: boolean;
      /** True where the step's cascade runs its second model (never batched). */
      escalated?: boolean;
    }
  | { kind: 'hop'; probability: number; link: number; direction: number; kb: number };

/**
 * Work a request brings to a component in one go: its back-to-back steps there, which the
 * component sees as one job for queueing (the request waits once, then runs them in a row).
 */
export interface ComputeJob {
  probability: number;
  component: number;
  /** The first step of the run (for batching, which is per step and never chained). */
  step: number;
  mean: number;
  variance: number;
  /** The second model of the step's cascade (never batched). */
  escalated?: boolean;
}

export interface OptionWalk {
  visits: Visit[];
  jobs: ComputeJob[];
  /** Addition: the probability that a request reaches the sink (the rest fail on a down link). */
  completed: number;
}

/**
 * The probability that a link is down when a request reaches it (0 when it never is). A link
 * that is down with a probability strictly between 0 and 1 is up or down for the whole of one
 * request: a user's link state lasts far longer than a request, so a request that crossed it
 * finds it again as it was.
 */
export type LinkDownProbability = (link: number) => number;

const ALWAYS_UP: LinkDownProbability = () => 0;

// Known link states along one path: 0 unknown, 1 up, 2 down. Copied where the walk branches.
const UNKNOWN = 0;
const UP = 1;
const DOWN = 2;

/** `stepBatched[step]`: the step's primary placement batches (a batched inference is its own job). */
export function walkOption(
  system: SystemModel,
  plan: OptionPlan,
  stepBatched: readonly boolean[],
  downProbability: LinkDownProbability = ALWAYS_UP,
): OptionWalk {
  const visits: Visit[] = [];
  const jobs: ComputeJob[] = [];
  let completed = 0;
  const { steps } = plan;
  const noStates = new Uint8Array(system.links.length);
  // `job`: the run of steps the request is making on its current component, if any; it ends
  // (and is counted, with the probability of the path so far) when the request moves on.
  const walk = (
    at: number,
    stepIndex: number,
    kb: number,
    probability: number,
    cacheChecked: number,
    fallbackMask: number,
    linkStates: Uint8Array,
    job: ComputeJob | undefined,
    escalating = false,
  ): void => {
    if (probability === 0) return;
    let target: number;
    let waitingStep = -1;
    if (stepIndex === steps.length) {
      if (job) jobs.push({ ...job, probability });
      if (at === system.sink) {
        completed += probability;
        return;
      }
      target = system.sink;
    } else if (escalating) {
      // On the way to, or at, the step's second model: its run is a job of its own.
      const stepPlan = steps[stepIndex];
      const { component, service } = stepPlan.cascade!.placement;
      if (component === at) {
        visits.push({
          kind: 'compute',
          probability,
          component,
          step: stepIndex,
          service,
          fallback: false,
          escalated: true,
        });
        const variance = service.scv * service.mean ** 2;
        jobs.push({ probability, component, step: stepIndex, mean: service.mean, variance, escalated: true });
        walk(at, stepIndex + 1, stepPlan.outputKb, probability, -1, fallbackMask, linkStates, undefined);
        return;
      }
      target = component;
    } else {
      const stepPlan = steps[stepIndex];
      const cache = stepPlan.cache;
      if (cache && cache.component === at && cacheChecked !== stepIndex) {
        const hit = probability * cache.hitRate;
        walk(at, stepIndex + 1, stepPlan.outputKb, hit, -1, fallbackMask, linkStates, job);
        walk(at, stepIndex, kb, probability - hit, stepIndex, fallbackMask, linkStates, job);
        return;
      }
      const useFallback = (fallbackMask & (1 << stepIndex)) !== 0;
      const placement: StepPlacement = useFallback ? stepPlan.fallback! : stepPlan.primary;
      if (placement.component === at) {
        const { service } = placement;
        visits.push({ kind: 'compute', probability, component: at, step: stepIndex, service, fallback: useFallback });
        const variance = service.scv * service.mean ** 2;
        let next: ComputeJob | undefined;
        if (!useFallback && stepBatched[stepIndex]) {
          if (job) jobs.push({ ...job, probability });
          jobs.push({ probability, component: at, step: stepIndex, mean: service.mean, variance });
        } else if (job && !stepBatched[job.step]) {
          next = { ...job, mean: job.mean + service.mean, variance: job.variance + variance };
        } else {
          next = { probability, component: at, step: stepIndex, mean: service.mean, variance };
        }
        // A share of the first answers escalates: those requests take the step's input on to its
        // second model, ending the run of steps here.
        const escalated = useFallback || !stepPlan.cascade ? 0 : probability * stepPlan.cascade.escalateRate;
        if (escalated > 0) {
          if (next) jobs.push({ ...next, probability: escalated });
          walk(at, stepIndex, stepPlan.inputKb, escalated, stepIndex, fallbackMask, linkStates, undefined, true);
        }
        walk(at, stepIndex + 1, stepPlan.outputKb, probability - escalated, -1, fallbackMask, linkStates, next);
        return;
      }
      if (job) jobs.push({ ...job, probability });
      target = placement.component;
      waitingStep = stepIndex;
    }
    const hop = system.routes[at][target]![0];
    const known = linkStates[hop.link];
    const down = known === UNKNOWN ? downProbability(hop.link) : known === DOWN ? 1 : 0;
    const withState = (state: number) => {
      // Stryker disable next-line ConditionalExpression,LogicalOperator: the guard only spares copies: a state recorded where it is left out is the one the walk would find anyway (a known link keeps its state, and a link never or always down gets the same answer from downProbability each time)
      if (known !== UNKNOWN || down === 0 || down === 1) return linkStates;
      const copy = linkStates.slice();
      copy[hop.link] = state;
      return copy;
    };
    const up = probability * (1 - down);
    if (up > 0) {
      visits.push({ kind: 'hop', probability: up, link: hop.link, direction: hop.direction, kb });
      walk(hop.to, stepIndex, kb, up, cacheChecked, fallbackMask, withState(UP), undefined, escalating);
    }
    // A down link on an escalation's way keeps the first answer; the request goes on from here.
    if (escalating) {
      const outputKb = steps[stepIndex].outputKb;
      walk(at, stepIndex + 1, outputKb, probability - up, -1, fallbackMask, withState(DOWN), undefined);
      return;
    }
    // A down link sends the waiting step to its fallback (once); otherwise the request fails.
    const bit = 1 << waitingStep;
    if (down > 0 && waitingStep >= 0 && steps[waitingStep].fallback && (fallbackMask & bit) === 0) {
      walk(at, stepIndex, kb, probability - up, cacheChecked, fallbackMask | bit, withState(DOWN), undefined);
    }
  };
  // Stryker disable next-line UnaryOperator: no cache checked yet; +1 means the same, since the first step resets it (to -1 or 0) before any walk reaches step 1.
  walk(system.source, 0, 0, 1, -1, 0, noStates, undefined);
  return { visits, jobs, completed };
}
