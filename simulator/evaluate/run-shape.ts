// How long a run is and how many users it simulates in detail. Per-user devices and links each
// serve one user, so a run must give each detailed user enough requests for their queues to
// reach steady state; the users not simulated in detail become background load on the shared
// components.
//
// A queue at utilisation rho forgets its start in about rho / (1 - sqrt(rho))^2 of its own
// arrivals (the relaxation time of M/M/1, Morse 1955, counted in arrivals rather than seconds);
// each detailed user gets `relaxations` of those, and never fewer than `minRequestsPerUser`.
// Preview fidelity (the app's first answer while editing, Monte Carlo samples) settles for
// less: shorter spans mean far less background load to simulate, at some bias on per-user
// queues that are busy.
import { busyExecutors } from '../analytic/option-estimate';
import { settledReplicas } from '../engine/autoscaler';
import type { AnalyticEstimate } from '../results';
import type { SystemModel } from './system-model';

export type Fidelity = 'full' | 'preview';

/** Relaxation times a full-fidelity run gives each queue. */
export const FULL_RELAXATIONS = 20;

const DETAIL: Record<Fidelity, { minRequestsPerUser: number; relaxations: number }> = {
  full: { minRequestsPerUser: 50, relaxations: FULL_RELAXATIONS },
  preview: { minRequestsPerUser: 5, relaxations: 2 },
};
const WARMUP_SHARE = 0.1;
// In duration mode, at most about this many requests are simulated; the rest of the users' load is background.
const MAX_DURATION_REQUESTS = 1_000_000;

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

export function planRun(
  system: SystemModel,
  estimate: AnalyticEstimate,
  requests: number | undefined,
  fidelity: Fidelity = 'full',
): RunShape {
  const { workload } = system.scenario;
  if (requests !== undefined || workload.duration_s === undefined) {
    const measured = requests ?? workload.requests!;
    const detailedUsers = Math.min(
      system.users,
      Math.max(1, Math.ceil(measured / requestsPerUser(system, estimate, DETAIL[fidelity]))),
    );
    const warmup = warmupRequests(measured);
    const initialReplicas = startingReplicas(system, estimate, 1);
    return { detailedUsers, warmup, arrivals: measured + warmup, capacity: measured + warmup, initialReplicas };
  }
  const durationMs = workload.duration_s * 1000;
  const meanAcceptance = system.hourlyAcceptance ? hourlyMeanOver(system.hourlyAcceptance, workload.duration_s) : 1;
  const perUser = system.perUserRps * meanAcceptance * workload.duration_s;
  const detailedUsers = Math.min(system.users, Math.max(1, Math.floor(MAX_DURATION_REQUESTS / perUser)));
  const expected = detailedUsers * perUser;
  // Room for the Poisson count to exceed its mean by 8 standard deviations.
  const capacity = Math.ceil(expected + 8 * Math.sqrt(expected) + 16);
  const initialReplicas = startingReplicas(system, estimate, system.hourlyAcceptance?.[0] ?? 1);
  return { detailedUsers, warmup: warmupRequests(expected), durationMs, capacity, initialReplicas };
}

/** `loadShare`: the starting load as a share of the load the estimate is for (the busiest hour's). */
function startingReplicas(system: SystemModel, estimate: AnalyticEstimate, loadShare: number): number[] {
  return system.components.map((component) => {
    if (!component.autoscaling) return component.replicas;
    return settledReplicas(component.autoscaling, component.cores, busyExecutors(estimate, component.id) * loadShare);
  });
}

function requestsPerUser(system: SystemModel, estimate: AnalyticEstimate, detail: (typeof DETAIL)[Fidelity]): number {
  const perUser = new Set(system.components.filter((component) => !component.shared).map((component) => component.id));
  const perUserLinks = new Set(system.links.filter((link) => !link.shared).map((link) => link.id));
  const utilisations = [
    ...estimate.components.filter((component) => perUser.has(component.id)).map((component) => component.utilization),
    ...estimate.links.filter((link) => perUserLinks.has(link.id)).map((link) => link.utilization),
  ];
  let needed = detail.minRequestsPerUser;
  for (const rho of utilisations) {
    // A saturated device never settles: give all requests to one user, so its queue grows as long as it can.
    if (rho >= 1) return Number.POSITIVE_INFINITY;
    needed = Math.max(needed, detail.relaxations * relaxationArrivals(rho));
  }
  return needed;
}

/** Mean of the hourly acceptance over the first `seconds` of the simulated clock (midnight at 0). */
function hourlyMeanOver(acceptance: readonly number[], seconds: number): number {
  let total = 0;
  for (let start = 0; start < seconds; start += 3600) {
    total += acceptance[Math.floor(start / 3600) % 24] * Math.min(3600, seconds - start);
  }
  return total / seconds;
}
