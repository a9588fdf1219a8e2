// Personal data leaving the users' own devices (README, "Personal data"): the outputs of steps
// marked `personal` that a request sends from a per-user component to a shared one (counted by
// the simulation, hop by hop, so that caches, fallbacks and failures count as they happen), and
// telemetry marked `personal` whose route leaves the user's devices.
import type { OptionPlan } from './option-plan';
import type { OptionRun } from './simulate-option';
import type { SystemModel } from './system-model';

const KB_PER_GB = 1e6;

/** GB (10^9 bytes) per month over all users. */
export function personalGbPerMonth(
  system: SystemModel,
  plan: OptionPlan,
  run: Pick<OptionRun, 'simulatedRequests' | 'personalKb'>,
): number {
  const perRequestKb = run.simulatedRequests > 0 ? run.personalKb / run.simulatedRequests : 0;
  let gb = (perRequestKb * system.requestsPerMonth) / KB_PER_GB;
  const telemetry = plan.option.telemetry;
  if (telemetry?.personal && leavesUser(system, system.source, system.componentIndex.get(telemetry.to)!)) {
    gb += (telemetry.sample_rate * telemetry.kb * system.requestsPerMonth) / KB_PER_GB;
  }
  return gb;
}

// Whether the route from `from` to `to` crosses from a per-user component to a shared one.
function leavesUser(system: SystemModel, from: number, to: number): boolean {
  let at = from;
  // Stryker disable next-line ArrayDeclaration: a scenario is checked to have a route from the source to the telemetry target before it runs (references.ts), so the fallback never applies.
  for (const hop of system.routes[from][to] ?? []) {
    if (!system.components[at].shared && system.components[hop.to].shared) return true;
    at = hop.to;
  }
  return false;
}
