// The background users (those not simulated in detail) follow the same routing as detailed
// users: the share of their requests that finds a link down takes the waiting step's fallback or
// fails, cache hits skip the cached step's work, and their rate follows the hourly load profile.
// Their load on each shared station is a Poisson stream whose rate and service mix come from
// walking the option's route with each link's probability of being down.
//
// Which links are down changes over the simulated clock in two ways. A per-user link is down for
// a fixed share of the many background users at any time (its long-run share). A scheduled outage,
// or an outage of a shared link, is the same for every user: the background routing then changes
// at the moment the link goes down or comes back, as does the rate at each hour of a load
// profile. BackgroundRegimes applies the routing in force, and the engine calls it again at each
// such moment.
import { type LinkDownProbability, walkOption } from '../analytic/request-walk';
import type { OutageProcess } from '../engine/outage-process';
import { constantSampler, mixtureSampler, type Sampler } from '../random/sampler';
import type { OptionPlan } from './option-plan';
import type { StationSet } from './station-set';
import type { SystemModel } from './system-model';

const HOUR_MS = 3_600_000;

interface BackgroundRouting {
  /** Per station: arrivals per ms at the busiest hour's rate, and their service mix. */
  ratePerMs: Float64Array;
  service: (Sampler | undefined)[];
  /** Per batcher: batched inferences per ms at the busiest hour's rate. */
  batchedRatePerMs: Float64Array;
}

function backgroundRouting(
  system: SystemModel,
  plan: OptionPlan,
  set: StationSet,
  requestsPerMs: number,
  linkDown: LinkDownProbability,
): BackgroundRouting {
  const { components, links } = system;
  const parts: { weight: number; sampler: Sampler }[][] = Array.from(set.stations, () => []);
  const batchedRatePerMs = new Float64Array(set.batchers.length);
  for (const visit of walkOption(system, plan, set.stepBatched, linkDown).visits) {
    const ratePerMs = requestsPerMs * visit.probability;
    if (visit.kind === 'hop') {
      if (!links[visit.link].shared) continue;
      const serialisation = constantSampler((visit.kb * 8) / links[visit.link].mbps);
      parts[set.linkBase[visit.link * 2 + visit.direction]].push({ weight: ratePerMs, sampler: serialisation });
    } else if (!visit.fallback && !visit.escalated && set.batcherOfStep[visit.step] >= 0) {
      batchedRatePerMs[set.batcherOfStep[visit.step]] += ratePerMs;
    } else if (components[visit.component].shared) {
      parts[set.componentBase[visit.component]].push({ weight: ratePerMs, sampler: visit.service });
    }
  }
  return {
    ratePerMs: Float64Array.from(parts, (mix) => mix.reduce((sum, part) => sum + part.weight, 0)),
    service: Array.from(parts, (mix) => (mix.length > 0 ? mixtureSampler(mix) : undefined)),
    batchedRatePerMs,
  };
}

/** An outage that every user sees at the same moments: a schedule, or a shared link's. */
interface SharedOutage {
  link: number;
  process: OutageProcess;
}

/**
 * The background's regimes for a run, or undefined when every user is simulated in detail.
 * A shared link whose outages would change the regime more often than `maxRegimeChanges` times
 * over `horizonMs` (periods far shorter than the gaps between detailed requests) counts with its
 * long-run share instead, as a per-user link does: the background then sees its average.
 */
export function backgroundRegimes(
  system: SystemModel,
  plan: OptionPlan,
  set: StationSet,
  outages: readonly OutageProcess[],
  horizonMs: number,
  maxRegimeChanges: number,
): BackgroundRegimes | undefined {
  const backgroundUsers = system.users - set.detailedUsers;
  if (backgroundUsers <= 0) return undefined;
  const longRunDownShare = new Float64Array(system.links.length);
  const shared: SharedOutage[] = [];
  for (const link of system.links) {
    if (!link.outages) continue;
    const process = outages[link.index];
    const changes = (2 * horizonMs) / process.meanCycleMs;
    if ('schedule' in link.outages || (link.shared && changes <= maxRegimeChanges)) {
      shared.push({ link: link.index, process });
    } else longRunDownShare[link.index] = process.downShare;
  }
  const requestsPerMs = (backgroundUsers * system.perUserRps) / 1000;
  return new BackgroundRegimes(system, plan, set, requestsPerMs, longRunDownShare, shared);
}

export class BackgroundRegimes {
  private readonly routings = new Map<string, BackgroundRouting>();
  private key: string | undefined;
  private acceptance = Number.NaN;

  constructor(
    private readonly system: SystemModel,
    private readonly plan: OptionPlan,
    private readonly set: StationSet,
    /** Background requests per ms at the busiest hour. */
    private readonly requestsPerMs: number,
    /** Per link, the share of background users that find it down, for the links not in `shared`. */
    private readonly longRunDownShare: Float64Array,
    private readonly shared: readonly SharedOutage[],
  ) {}

  /**
   * Puts the background in the regime in force at `time`, every stream first catching up to
   * `time` in the regime before. `wake` gets each batcher whose forming batch now leaves at
   * another time. Returns when the regime next changes (Infinity if it never does).
   */
  apply(time: number, wake: (batcher: number, at: number) => void): number {
    const { hourlyAcceptance } = this.system;
    let next = Number.POSITIVE_INFINITY;
    let key = '';
    for (const { process } of this.shared) {
      key += process.isDown(0, time) ? '1' : '0';
      next = Math.min(next, process.nextChange(0, time));
    }
    let acceptance = 1;
    if (hourlyAcceptance) {
      const hour = Math.floor(time / HOUR_MS);
      acceptance = hourlyAcceptance[hour % 24];
      next = Math.min(next, (hour + 1) * HOUR_MS);
    }
    if (key === this.key && acceptance === this.acceptance) return next;
    this.key = key;
    this.acceptance = acceptance;
    const { stations, background, batchers } = this.set;
    // Stryker disable next-line EqualityOperator: past the last station there is no background stream to catch up.
    // Stryker disable next-line ConditionalExpression: regimes exist only with background users, and then every shared station has a stream (station-set.ts), so if (true) is the same (the loop's false never catches up, its true never ends).
    for (let index = 0; index < stations.length; index++) if (background[index]) stations[index].catchUp(time);
    let routing = this.routings.get(key);
    // Stryker disable next-line ConditionalExpression: a memo; working the routing out again gives the same routing.
    if (!routing) {
      const down = Float64Array.from(this.longRunDownShare);
      this.shared.forEach(({ link }, position) => (down[link] = key[position] === '1' ? 1 : 0));
      routing = backgroundRouting(this.system, this.plan, this.set, this.requestsPerMs, (link) => down[link]);
      this.routings.set(key, routing);
    }
    // Stryker disable next-line EqualityOperator: past the last station there is no background stream to set.
    for (let index = 0; index < stations.length; index++) {
      // Stryker disable next-line OptionalChaining: as above, with regimes every shared station has a stream.
      background[index]?.setRate(routing.ratePerMs[index] * acceptance, routing.service[index]);
    }
    batchers.forEach((batcher, index) => {
      const at = batcher.setBackgroundRate(time, routing.batchedRatePerMs[index] * acceptance);
      if (!Number.isNaN(at)) wake(index, at);
    });
    return next;
  }
}
