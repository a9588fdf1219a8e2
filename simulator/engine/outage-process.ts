// Whether a link is down at a given time. Each instance of a link (one per simulated user for a
// link that touches a per-user component, one for a shared link) has its own alternating
// up/down process: up for an `every_s` draw, down for a `lasting_s` draw. An instance's process
// starts (at time 0, from its own stream) when it is first asked about, so that the users who
// never send a request cost nothing; its draws are the same whenever that is. Instances start in
// the process's long-run state, whatever the distributions: down with probability
// E[lasting] / (E[every] + E[lasting]), and the period in progress lasts a residual-life draw
// (not a fresh one), so a short run sees the same share of outages as a long one and
// constant periods start at a random phase, not all users at the same instant. A fixed
// schedule applies to every instance alike.
import type { DistributionSpec } from '../scenario/distribution-spec';
import { residualLifeSampler } from '../random/length-biased';
import { RandomStream } from '../random/random-stream';
import { compileDistribution } from '../random/sampler';

export interface OutageProcess {
  /** Queries for one instance must come in non-decreasing time order (the engine's order). */
  isDown(instance: number, timeMs: number): boolean;
  /** When the instance's state next changes after `timeMs` (Infinity if never); same order rule. */
  nextChange(instance: number, timeMs: number): number;
  /** Long-run share of time down. */
  readonly downShare: number;
  /** Mean time from one outage's start to the next (Infinity when not periodic). */
  readonly meanCycleMs: number;
}

export const NEVER_DOWN: OutageProcess = {
  isDown: () => false,
  nextChange: () => Number.POSITIVE_INFINITY,
  downShare: 0,
  meanCycleMs: Number.POSITIVE_INFINITY,
};

// A query more than this many mean cycles past an instance's last known state does not step
// through the cycles in between: constant periods skip whole cycles exactly; otherwise the
// instance starts again in its long-run state, which is what it is in after many cycles
// (and keeps every instance's process stationary). Work per query stays bounded however short
// the periods are next to the gaps between queries.
const SKIP_AFTER_CYCLES = 16;
// A time in ms has about 16 significant digits: periods shorter than this share of the time would
// be rounded as they are added to it (or vanish), so the state there is the long-run one.
const RESOLVABLE_CYCLE = 2 ** -32;
// After the skip a query is within a few cycles of the last known state, so it takes a few dozen
// toggles; past this many (draws of 0 s from an empirical list, say) the instance starts again
// in its long-run state.
const MAX_TOGGLES_PER_QUERY = 1000;

/** The smallest clock time after `time`: what "the state changes after now" means at worst. */
function justAfter(time: number): number {
  // Stryker disable next-line MethodExpression,ArithmeticOperator: a safety net; after isDown the next toggle is already past the time, since every residual life the instance restarts with is positive.
  return time + Math.max(Math.abs(time) * Number.EPSILON, Number.MIN_VALUE);
}

/**
 * The long-run share of time an alternating process is down, E[lasting] / (E[every] + E[lasting]):
 * also the chance that it is down at any time fixed in advance, since it starts in that state.
 */
export function longRunDownShare(everySpec: DistributionSpec, lastingSpec: DistributionSpec): number {
  return downShareOf(compileDistribution(everySpec), compileDistribution(lastingSpec));
}

function downShareOf(every: { mean: number }, lasting: { mean: number }): number {
  return lasting.mean / (every.mean + lasting.mean);
}

export function alternatingOutages(
  everySpec: DistributionSpec,
  lastingSpec: DistributionSpec,
  instances: number,
  seed: number,
  linkId: string,
): OutageProcess {
  const every = compileDistribution(everySpec);
  const lasting = compileDistribution(lastingSpec);
  const upResidual = residualLifeSampler(everySpec);
  const downResidual = residualLifeSampler(lastingSpec);
  const downShare = downShareOf(every, lasting);
  const cycleMs = 1000 * (every.mean + lasting.mean);
  const periodic = every.constant && lasting.constant;
  // Per instance, made at the first query: a run builds every link's process, and most options'
  // routes leave some links out, whose arrays (one entry per detailed user) would go unused.
  let made = false;
  let nextToggleMs = new Float64Array(0);
  let down = new Uint8Array(0);
  // The started instances' streams, in the order they started (a dense array: an instance's
  // stream is looked up at every toggle), all of one name; streamOf[instance] is its place there
  // plus one, 0 before it starts.
  const randoms: RandomStream[] = [];
  let streamOf = new Int32Array(0);
  const streamName = `outages:${linkId}`;
  const makeInstances = () => {
    made = true;
    nextToggleMs = new Float64Array(instances);
    down = new Uint8Array(instances);
    streamOf = new Int32Array(instances);
  };
  const startInLongRunState = (instance: number, timeMs: number) => {
    const random = randoms[streamOf[instance] - 1];
    // Stryker disable next-line EqualityOperator: a uniform draw equals the down share with probability 0.
    down[instance] = random.next() < downShare ? 1 : 0;
    nextToggleMs[instance] = timeMs + 1000 * (down[instance] ? downResidual : upResidual)(random);
  };
  const isDown = (instance: number, timeMs: number) => {
    if (!made) makeInstances();
    if (streamOf[instance] === 0) {
      streamOf[instance] = randoms.push(new RandomStream(seed, streamName, instance));
      startInLongRunState(instance, 0);
    }
    const behind = timeMs - nextToggleMs[instance];
    // Stryker disable next-line ConditionalExpression: before the next toggle the block changes nothing, but for periods below the clock's resolution, which restart in the long-run state at any query anyway.
    if (behind >= 0) {
      // Stryker disable next-line EqualityOperator,ConditionalExpression,BlockStatement: a bound on work, and at its edge both ways are right: periods the clock cannot resolve end in the long-run state through the toggle bound below as well.
      if (cycleMs < timeMs * RESOLVABLE_CYCLE) {
        startInLongRunState(instance, timeMs);
        return down[instance] === 1;
      }
      // Stryker disable next-line EqualityOperator: 16 cycles is a bound on work, not a boundary of behaviour: skipping or stepping exactly then gives the same state (constant periods) or the same law.
      if (behind > SKIP_AFTER_CYCLES * cycleMs) {
        if (periodic) nextToggleMs[instance] += Math.floor(behind / cycleMs) * cycleMs;
        else startInLongRunState(instance, timeMs);
      }
      // Stryker disable next-line UpdateOperator: counting down never meets the bound on work below, which is explained there.
      for (let toggles = 0; timeMs >= nextToggleMs[instance]; toggles++) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: a bound on work; stepping on reaches a state whose law, that many toggles on, is the long-run one the instance restarts in.
        if (toggles === MAX_TOGGLES_PER_QUERY) {
          startInLongRunState(instance, timeMs);
          break;
        }
        down[instance] ^= 1;
        nextToggleMs[instance] += 1000 * (down[instance] ? lasting : every).sample(randoms[streamOf[instance] - 1]);
      }
    }
    return down[instance] === 1;
  };
  return {
    downShare,
    meanCycleMs: cycleMs,
    isDown,
    nextChange(instance, timeMs) {
      isDown(instance, timeMs);
      return Math.max(nextToggleMs[instance], justAfter(timeMs));
    },
  };
}

export function scheduledOutages(schedule: readonly (readonly [number, number])[], horizonS: number): OutageProcess {
  // Sorted and merged, so that the boundaries alternate: start, end, start, end, ...
  const boundaries: number[] = [];
  for (const [start, end] of [...schedule].sort((a, b) => a[0] - b[0])) {
    const last = boundaries.length - 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: last is -1 before the first window, and boundaries[-1] is undefined, which no start is <= to.
    if (last > 0 && start * 1000 <= boundaries[last]) boundaries[last] = Math.max(boundaries[last], end * 1000);
    else boundaries.push(start * 1000, end * 1000);
  }
  // Boundaries at or before `timeMs`: odd while an outage is on.
  const passed = (timeMs: number) => {
    let low = 0;
    let high = boundaries.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (boundaries[middle] <= timeMs) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  let downMs = 0;
  for (let index = 0; index < boundaries.length; index += 2) {
    downMs += Math.max(0, Math.min(boundaries[index + 1], horizonS * 1000) - boundaries[index]);
  }
  return {
    downShare: horizonS > 0 ? downMs / (horizonS * 1000) : 0,
    meanCycleMs: Number.POSITIVE_INFINITY,
    isDown: (_instance, timeMs) => passed(timeMs) % 2 === 1,
    nextChange: (_instance, timeMs) => boundaries[passed(timeMs)] ?? Number.POSITIVE_INFINITY,
  };
}
