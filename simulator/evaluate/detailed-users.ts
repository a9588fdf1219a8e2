// How many users to simulate in detail. Per-user devices and links each serve one user, so a
// run must give each detailed user enough requests for their queues to reach steady state;
// the users not simulated in detail become background load on the shared components.
//
// A queue at utilisation rho forgets its start in about rho / (1 - sqrt(rho))^2 of its own
// arrivals (the relaxation time of M/M/1, Morse 1955, in arrivals rather than seconds); each
// detailed user gets RELAXATIONS of those, and never fewer than MIN_REQUESTS_PER_USER.
import type { AnalyticEstimate } from '../results';
import type { SystemModel } from './system-model';

const MIN_REQUESTS_PER_USER = 50;
const RELAXATIONS = 20;

export function chooseDetailedUsers(system: SystemModel, estimate: AnalyticEstimate, measured: number): number {
  const perUser = new Set(system.components.filter((component) => !component.shared).map((component) => component.id));
  const perUserLinks = new Set(system.links.filter((link) => !link.shared).map((link) => link.id));
  const utilisations = [
    ...estimate.components.filter((component) => perUser.has(component.id)).map((component) => component.utilization),
    ...estimate.links.filter((link) => perUserLinks.has(link.id)).map((link) => link.utilization),
  ];
  let requestsPerUser = MIN_REQUESTS_PER_USER;
  for (const rho of utilisations) {
    // A saturated device never settles: one detailed user, so its queue grows as long as it can.
    if (rho >= 1) return 1;
    requestsPerUser = Math.max(requestsPerUser, (RELAXATIONS * rho) / (1 - Math.sqrt(rho)) ** 2);
  }
  return Math.min(system.users, Math.max(1, Math.ceil(measured / requestsPerUser)));
}
