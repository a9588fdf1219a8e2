// How long a run is and how many users it simulates in detail. Per-user devices and links each
// serve one user, so a run must give each detailed user enough requests for their queues to
// reach steady state; the users not simulated in detail become background load on the shared
// components.
//
// A queue at utilisation rho forgets its start in about rho / (1 - sqrt(rho))^2 of its own
// arrivals (the relaxation time of M/M/1, Morse 1955, counted in arrivals rather than seconds);
// each detailed user gets `relaxations` of those. That is all a per-user queue needs, so the
// sample is as large as it allows: a detailed user costs nothing until it sends a request (its
// devices are made then, see station-set.ts), while each background user adds arrivals over the
// whole span, which a smaller sample stretches. With idle devices every user is detailed and
// there is no background at all, whatever the population (up to MAX_DETAILED_USERS).
// Preview fidelity (the app's first answer while editing, Monte Carlo samples) settles for
// less: shorter spans mean far less background load to simulate, at some bias on per-user
// queues that are busy.
import { busyExecutors, stationServiceScvs } from '../analytic/option-estimate';
import { settledReplicas } from '../engine/autoscaler';
import type { AnalyticEstimate } from '../results';
import type { SystemModel } from './system-model';

export type Fidelity = 'full' | 'preview';

/** Relaxation times a full-fidelity run gives each queue. */
export const FULL_RELAXATIONS = 20;

const DETAIL: Record<Fidelity, { relaxations: number }> = {
  full: { relaxations: FULL_RELAXATIONS },
  preview: { relaxations: 2 },
};
const WARMUP_SHARE = 0.1;
// In duration mode, at most about this many requests are simulated; the rest of the users' load is background.
const MAX_DURATION_REQUESTS = 1_000_000;
// A requests run's background arrivals grow with the users each detailed user stands for: at
// most this many (or ten per detailed arrival, for long runs) before more users are detailed.
const BACKGROUND_ARRIVALS = 20_000_000;
const BACKGROUND_PER_ARRIVAL = 10;
// A run stops when its background grows past this many times what the detailed users were chosen for.
const BACKGROUND_LIMIT_FACTOR = 2;
// With a device population (hardware_mix), at least this many detailed users, so that the
// tiers' shares of them are the population's to within 1% (apportioned, see tier-assignment.ts).
const MIX_DETAILED_USERS = 100;
// Detailed users each hold their own devices' executors and links' serialisers (made as they
// send requests, 16 bytes a server, see user-stations.ts): at most this many users, and at most
// this many of their servers in all.
const MAX_DETAILED_USERS = 1_000_000;
const MAX_OWN_SERVERS = 20_000_000;

// Both modes' shapes have every field, in one order (the other mode's undefined), so that the
// functions reading a shape see one hidden class whichever mode and sample made it.
export interface RunShape {
  detailedUsers: number;
  /** Requests at the start that load the system but are left out of the statistics. */
  warmup: number;
  /** Requests mode: arrivals to simulate, warm-up included. */
  arrivals?: number;
  /** Duration mode: the simulated span. */
  durationMs?: number;
  /** Most arrivals the run may hold (sizes the per-request arrays). */
  capacity: number;
  /** Most background arrivals the run may simulate before it stops (see BackgroundBudget). */
  backgroundLimit: number;
  /**
   * Present when more users were simulated in detail than their devices' queues need, to keep
   * the background work bounded: how many the queues asked for. Each detailed user then has
   * fewer requests than it takes a busy device's queue to settle.
   */
  backgroundBound?: { neededUsers: number };
  /**
   * Per component, the replicas an autoscaled one starts with: where its autoscaler settles at
   * the load the run starts with, so that a run shorter than a few scale intervals measures the
   * steady state rather than the climb from the minimum.
   */
  initialReplicas: number[];
}

/** Arrivals in which a queue at utilisation `rho` forgets its start (the M/M/1 relaxation time). */
export function relaxationArrivals(rho: number): number {
  return rho / (1 - Math.sqrt(rho)) ** 2;
}

export function warmupRequests(measured: number): number {
  return Math.round(measured * WARMUP_SHARE);
}

/**
 * `usersFor`: in requests mode, a larger request count whose users the run details where devices
 * are idle (a Monte Carlo sample's stage: Infinity, every user; see below).
 */
export function planRun(
  system: SystemModel,
  estimate: AnalyticEstimate,
  requests: number | undefined,
  fidelity: Fidelity = 'full',
  usersFor?: number,
): RunShape {
  const { workload } = system.scenario;
  if (requests !== undefined || workload.duration_s === undefined) {
    const measured = requests ?? workload.requests!;
    const warmup = warmupRequests(measured);
    const arrivals = measured + warmup;
    const figures = estimateFigures(system, estimate);
    const perUser = perUserRequests(figures, estimate, fidelity);
    const { background, maxUsers } = figures;
    // Where a detailed user needs at most one request, its devices are nearly idle, and a
    // shorter run may detail the users of a longer one, or every user: it then spans less
    // simulated time, and the background users' jobs on shared components, spread over that
    // span, shrink with it or are gone. The price is a little less waiting at a user's own
    // devices (a user's requests are fewer and further apart in a shorter span: in the AR
    // scenario a stage of 250 requests among every user has a p95 3 to 4% under the 2,000
    // requests' run, 3.5% among that run's users), so only where there is background work to
    // save. Busy devices keep the users their own requests need: more users would each get too
    // few requests to load their devices.
    const sizedFor = usersFor !== undefined && background && perUser <= 1 ? Math.max(measured, usersFor) : measured;
    const neededUsers = Math.min(system.users, maxUsers, Math.max(figures.mixUsers, 1, Math.ceil(sizedFor / perUser)));
    const detailedUsers = background
      ? Math.max(neededUsers, usersForBoundedBackground(system, maxUsers, arrivals))
      : neededUsers;
    return {
      detailedUsers,
      warmup,
      arrivals,
      durationMs: undefined,
      capacity: arrivals,
      backgroundLimit: BACKGROUND_LIMIT_FACTOR * backgroundBound(arrivals),
      initialReplicas: figures.initialReplicas,
      backgroundBound: detailedUsers > neededUsers ? { neededUsers } : undefined,
    };
  }
  const durationMs = workload.duration_s * 1000;
  const meanAcceptance = system.hourlyAcceptance ? hourlyMeanOver(system.hourlyAcceptance, workload.duration_s) : 1;
  const perUser = system.perUserRps * meanAcceptance * workload.duration_s;
  const detailedUsers = Math.min(
    system.users,
    maxDetailedUsers(system),
    Math.max(1, Math.floor(MAX_DURATION_REQUESTS / perUser)),
  );
  const expected = detailedUsers * perUser;
  // Room for the Poisson count to exceed its mean by 8 standard deviations.
  const capacity = Math.ceil(expected + 8 * Math.sqrt(expected) + 16);
  const initialReplicas = startingReplicas(system, estimate, system.hourlyAcceptance?.[0] ?? 1);
  const background = (system.users - detailedUsers) * perUser;
  return {
    detailedUsers,
    warmup: warmupRequests(expected),
    arrivals: undefined,
    durationMs,
    capacity,
    backgroundLimit: BACKGROUND_LIMIT_FACTOR * Math.max(BACKGROUND_ARRIVALS, background),
    initialReplicas,
    backgroundBound: undefined,
  };
}

/**
 * What a requests run's shape reads of the system and the option's estimate whatever its
 * request count: worked out once per estimate (one per plan, plan-figures.ts), since a Monte
 * Carlo sample plans an option's runs several times (its stages' costs, then each run it makes).
 * Shapes share `initialReplicas`, which no one writes.
 */
interface EstimateFigures {
  system: SystemModel;
  background: boolean;
  maxUsers: number;
  mixUsers: number;
  initialReplicas: number[];
  /** requestsPerUser at each fidelity, once asked. */
  perUser: Partial<Record<Fidelity, number>>;
}

const figuresOf = new WeakMap<AnalyticEstimate, EstimateFigures>();

function estimateFigures(system: SystemModel, estimate: AnalyticEstimate): EstimateFigures {
  let figures = figuresOf.get(estimate);
  // Stryker disable next-line ConditionalExpression: working them out again gives the same figures; the map only saves the work.
  if (figures === undefined || figures.system !== system) {
    figures = {
      system,
      background: hasBackgroundLoad(system, estimate),
      maxUsers: maxDetailedUsers(system),
      mixUsers: mixUsers(system),
      initialReplicas: startingReplicas(system, estimate, 1),
      perUser: {},
    };
    figuresOf.set(estimate, figures);
  }
  return figures;
}

function perUserRequests(figures: EstimateFigures, estimate: AnalyticEstimate, fidelity: Fidelity): number {
  let perUser = figures.perUser[fidelity];
  // Stryker disable next-line ConditionalExpression: as above, working it out again gives the same count.
  if (perUser === undefined) {
    perUser = requestsPerUser(figures.system, estimate, DETAIL[fidelity]);
    figures.perUser[fidelity] = perUser;
  }
  return perUser;
}

function mixUsers(system: SystemModel): number {
  return system.components.some((component) => component.tiers) ? MIX_DETAILED_USERS : 1;
}

// Shared stations get the background users' load; without one there is no background work. The
// estimate lists only the stations that requests reach.
function hasBackgroundLoad(system: SystemModel, estimate: AnalyticEstimate): boolean {
  const shared = new Set(system.components.filter((component) => component.shared).map((component) => component.id));
  const sharedLinks = new Set(system.links.filter((link) => link.shared).map((link) => link.id));
  return (
    estimate.components.some((component) => shared.has(component.id)) ||
    estimate.links.some((link) => sharedLinks.has(link.id))
  );
}

function backgroundBound(arrivals: number): number {
  return Math.max(BACKGROUND_ARRIVALS, BACKGROUND_PER_ARRIVAL * arrivals);
}

/**
 * The fewest detailed users that keep the background arrivals of a run of `arrivals` within
 * bounds: the other users' requests over the detailed users' span are about
 * (users - detailed) / detailed x arrivals.
 */
function usersForBoundedBackground(system: SystemModel, maxUsers: number, arrivals: number): number {
  const bound = backgroundBound(arrivals);
  const { users } = system;
  return Math.min(users, maxUsers, Math.ceil((users * arrivals) / (bound + arrivals)));
}

function maxDetailedUsers(system: SystemModel): number {
  const ownServers =
    system.components.reduce((sum, component) => sum + (component.shared ? 0 : component.cores), 0) +
    2 * system.links.filter((link) => !link.shared).length;
  return Math.min(MAX_DETAILED_USERS, Math.max(1, Math.floor(MAX_OWN_SERVERS / ownServers)));
}

/** `loadShare`: the starting load as a share of the load the estimate is for (the busiest hour's). */
function startingReplicas(system: SystemModel, estimate: AnalyticEstimate, loadShare: number): number[] {
  return Array.from(system.components, (component) => {
    if (!component.autoscaling) return component.replicas;
    return settledReplicas(component.autoscaling, component.cores, busyExecutors(estimate, component.id) * loadShare);
  });
}

function requestsPerUser(system: SystemModel, estimate: AnalyticEstimate, detail: (typeof DETAIL)[Fidelity]): number {
  const perUser = new Set(system.components.filter((component) => !component.shared).map((component) => component.id));
  const perUserLinks = new Set(system.links.filter((link) => !link.shared).map((link) => link.id));
  const scvs = stationServiceScvs(estimate);
  const stations: { utilization: number; scv: number }[] = [];
  estimate.components.forEach((component, index) => {
    if (perUser.has(component.id))
      stations.push({ utilization: component.utilization, scv: scvs?.components[index] ?? 1 });
  });
  estimate.links.forEach((link, index) => {
    if (perUserLinks.has(link.id)) stations.push({ utilization: link.utilization, scv: scvs?.links[index] ?? 1 });
  });
  let needed = 0;
  for (const { utilization: rho, scv } of stations) {
    // A saturated device never settles: give all requests to one user, so its queue grows as long as it can.
    // Stryker disable next-line EqualityOperator: at rho = 1 exactly, relaxationArrivals is 1 / 0 = Infinity, the same answer.
    if (rho >= 1) return Number.POSITIVE_INFINITY;
    needed = Math.max(needed, detail.relaxations * relaxationArrivals(rho) * variabilityFactor(scv));
  }
  return needed;
}

/**
 * How much longer than M/M/1's a queue's relaxation time is for service of this SCV: (1 + scv) / 2,
 * the ratio of the workload's variance to its drift in heavy traffic (the diffusion that
 * approximates M/G/1), never less than M/M/1's own. A user's device that now and then runs a
 * long job (a cascade's second model: 3 s on the AR glasses, against a request every 2 s) keeps
 * the user's next requests waiting behind it: with M/M/1's relaxation its users got under one
 * request each at preview fidelity, so none ever waited, and the AR glasses-cascade's p95 came
 * out at 760 ms where many requests per user give 2,850 ms.
 */
function variabilityFactor(scv: number): number {
  return Math.max(1, (1 + scv) / 2);
}

/** Mean of the hourly acceptance over the first `seconds` of the simulated clock (midnight at 0). */
function hourlyMeanOver(acceptance: readonly number[], seconds: number): number {
  // Whole days at the day's mean, then the hours of the last day one by one.
  const days = Math.floor(seconds / 86_400);
  let total = days * 3600 * acceptance.reduce((sum, share) => sum + share, 0);
  // Stryker disable next-line EqualityOperator: an hour starting at the span's end adds 0 seconds of it.
  for (let start = days * 86_400; start < seconds; start += 3600) {
    total += acceptance[Math.floor(start / 3600) % 24] * Math.min(3600, seconds - start);
  }
  return total / seconds;
}
