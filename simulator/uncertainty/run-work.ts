// What a run of an option costs to simulate, in events, so that a Monte Carlo sample tries a
// shorter run only where it is much cheaper than the full one. A detailed request costs its
// arrival and one event per compute and hop it makes; a background user's job costs an
// admission at each shared station it reaches, a fraction of an event (no event of its own,
// see engine/background-load.ts). The background users' jobs span the detailed users' run,
// which a run of fewer requests, with fewer detailed users, does not shorten: there a short
// run costs nearly as much as a long one. Where devices are idle a stage details the full run's
// users instead (run-shape.ts, `usersFor`): its span, and its background, shrink with its
// requests. The shape passed in is the one the run will have, so the cost follows it either way.
import type { RunShape } from '../evaluate/run-shape';
import type { SystemModel } from '../evaluate/system-model';
import type { AnalyticEstimate } from '../results';

/** A background job's admission against a detailed request's event, as measured on the AR scenario. */
const BACKGROUND_JOB_COST = 0.5;

/** Per request of the option: events (computes and hops), and visits to shared stations. */
export interface RequestVisits {
  events: number;
  sharedVisits: number;
}

export function requestVisits(system: SystemModel, estimate: AnalyticEstimate): RequestVisits {
  // The estimate's arrival rates are per instance: all users' at a shared station, one user's at another.
  const perRequest = (arrivalRps: number, shared: boolean) =>
    arrivalRps / ((shared ? system.users : 1) * system.perUserRps);
  const shared = new Map(system.components.map((component) => [component.id, component.shared]));
  const sharedLink = new Map(system.links.map((link) => [link.id, link.shared]));
  let events = 0;
  let sharedVisits = 0;
  const add = (arrivalRps: number, isShared: boolean) => {
    const visits = perRequest(arrivalRps, isShared);
    events += visits;
    if (isShared) sharedVisits += visits;
  };
  for (const station of estimate.components) add(station.arrival_rps, shared.get(station.id) === true);
  for (const station of estimate.links) add(station.arrival_rps ?? 0, sharedLink.get(station.id) === true);
  return { events, sharedVisits };
}

/** The work of a run of `shape`, in events. */
export function runWork(system: SystemModel, visits: RequestVisits, shape: RunShape): number {
  const arrivals = shape.arrivals ?? shape.capacity;
  const backgroundPerArrival = (system.users - shape.detailedUsers) / shape.detailedUsers;
  return arrivals * (1 + visits.events + BACKGROUND_JOB_COST * backgroundPerArrival * visits.sharedVisits);
}
