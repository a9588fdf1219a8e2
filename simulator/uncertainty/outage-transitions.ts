// Sure bounds on success from the outage processes themselves, beside the statistical ones. A
// request sees a link's state only where it crosses it. Were every link to keep the state it had
// when the request arrived, the request walk (analytic/request-walk.ts, links up or down with
// probability 0 or 1) says whether it completes. A request whose outcome differs from that frozen
// one must have seen some link change state while it was in the system; and the chance of that
// is bounded by the processes' rates alone:
//
// - Each user's link alternates up and down and starts in its long-run state (engine/outage-
//   process.ts), and a request arrives at a time that does not depend on it. Found up, the link
//   stays up for a residual-life draw, whose density is (1 - F(x)) / E[up] <= 1 / E[up] whatever
//   the distribution: it goes down within t with chance at most t / E[up]; found down, it comes
//   up within t with chance at most t / E[down]; either way, changes within t at most
//   t / min(E[up], E[down]). With no state given, a window of length t holds on average
//   2 t / E[cycle] changes, so one at least with chance no more.
// - A request's time in the system does not depend on its own links' states beyond what its own
//   path through them does, so over requests these chances add up to at most E[T] times the rate,
//   with E[T] the mean latency (taken at the upper end of its interval).
//
// Where the frozen request always completes (a fallback around every down link) success and
// offline success are within that chance of 1; where success is post-stratified on the share of
// requests that start offline (post-stratified-success.ts), the online stratum completes but for
// a link going down, and the offline one, where every frozen request fails, completes only
// through a change. These bounds are far narrower than any share a few hundred requests can
// show: a sample's success verdict is settled by a short stage wherever the option's success
// is not within a hair of its budget, where a Wilson interval of a share near 0 or 1 would need
// thousands of requests (z^2 / n wide).
import { walkOption } from '../analytic/request-walk';
import type { OptionPlan } from '../evaluate/option-plan';
import type { SystemModel } from '../evaluate/system-model';
import { compileDistribution } from '../random/sampler';

const MS_PER_S = 1000;
// Links with outages on an option's routes whose up/down combinations the walk tries, at most:
// 2^this walks per option, once per sample.
const MAX_OUTAGE_LINKS = 8;
const ALL = 1 - 1e-12;
const NONE = 1e-12;

/** Chances per millisecond of a request's time in the system that some link changes state. */
export interface OutageTransitions {
  /**
   * Some link changes state for a request that found every link of its nominal route up: those
   * go down at 1 / E[up] each, the others of its routes (a fallback's, a cascade's) change at
   * 1 / min(E[up], E[down]).
   */
  onlineChange: number;
  /** Some link of the option's routes changes state, whatever the states found: sum of 1 / min(E[up], E[down]). */
  anyChange: number;
  /** Some link changes state, no state given: sum of 2 / E[cycle]. */
  meanChange: number;
  /** With the states frozen, every request that finds its nominal route up completes. */
  onlineCompletes: boolean;
  /** With the states frozen, every request that finds a link of its nominal route down fails. */
  offlineFails: boolean;
  /** With the states frozen, every request completes, whatever the states. */
  alwaysCompletes: boolean;
}

/**
 * The option's bounds, where its routes' outages are each user's own alternating ones (a shared
 * or scheduled outage is down for all users at once, and a sample then decides nothing early:
 * verdict-intervals.ts); undefined where no link on its routes has outages, or too many do.
 */
export function outageTransitions(
  system: SystemModel,
  plan: OptionPlan,
  batched: readonly boolean[],
  routeLinks: readonly number[],
): OutageTransitions | undefined {
  const links = routeLinks.filter((index) => system.links[index].outages);
  if (links.length === 0 || links.length > MAX_OUTAGE_LINKS) return undefined;
  const nominal = new Set(plan.nominalLinks);
  const bounds = { onlineChange: 0, anyChange: 0, meanChange: 0 };
  for (const index of links) {
    const { shared, outages } = system.links[index];
    if (shared || !outages || 'schedule' in outages) return undefined;
    const up = compileDistribution(outages.every_s).mean * MS_PER_S;
    const down = compileDistribution(outages.lasting_s).mean * MS_PER_S;
    bounds.onlineChange += nominal.has(index) ? 1 / up : 1 / Math.min(up, down);
    bounds.anyChange += 1 / Math.min(up, down);
    bounds.meanChange += 2 / (up + down);
  }
  let onlineCompletes = true;
  let offlineFails = true;
  let alwaysCompletes = true;
  // Stryker disable next-line EqualityOperator: <= adds the set 2^k, whose bits name no link: the same walk as the empty set's.
  for (let downSet = 0; downSet < 1 << links.length; downSet++) {
    const isDown = (link: number) => {
      const position = links.indexOf(link);
      return position >= 0 && (downSet & (1 << position)) !== 0;
    };
    const { completed } = walkOption(system, plan, batched, (link) => (isDown(link) ? 1 : 0));
    const offline = plan.nominalLinks.some(isDown);
    // Stryker disable next-line EqualityOperator: a completed probability exactly at 1 - 1e-12 (or 1e-12 below) is not one a walk of a few branches gives.
    if (completed < ALL) alwaysCompletes = false;
    // Stryker disable next-line EqualityOperator,BooleanLiteral,ConditionalExpression: by the engine's rules no frozen request fails with its nominal route up (a fallback starts only at a down link, an escalation that finds one keeps its first answer); kept as a guard should a rule change.
    if (!offline && completed < ALL) onlineCompletes = false;
    // Stryker disable next-line EqualityOperator: as above, a walk's completed share is not exactly 1e-12.
    if (offline && completed > NONE) offlineFails = false;
  }
  return { ...bounds, onlineCompletes, offlineFails, alwaysCompletes };
}

/** [1 - t r, 1]: a share of completions that only a change at rate `rate` within `meanMs` can spoil. */
export function nearlyAll(rate: number, meanMs: number): [number, number] {
  return [Math.max(0, 1 - rate * meanMs), 1];
}

/** [0, t r]: a share of completions that only a change at rate `rate` within `meanMs` can bring. */
export function nearlyNone(rate: number, meanMs: number): [number, number] {
  return [0, Math.min(1, rate * meanMs)];
}

/**
 * The narrower of two intervals of one share, each missing it with its own risk: their
 * intersection misses with at most the sum. Where they do not meet (one of them missed), their
 * hull: it holds both.
 */
export function intersect(first: [number, number], second: [number, number]): [number, number] {
  const low = Math.max(first[0], second[0]);
  const high = Math.min(first[1], second[1]);
  return low <= high ? [low, high] : [Math.min(first[0], second[0]), Math.max(first[1], second[1])];
}
