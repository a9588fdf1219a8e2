// Figures that would take a run past what it can hold in time or memory, each refused with why
// (the limits are in limits.ts and the README). Checked on a scenario that is otherwise valid.
import { limitText, SCENARIO_LIMITS } from './limits';
import { defaultScope } from './references';
import type { ScenarioError } from './scenario-error';
import type { Scenario } from './schema';
import { HARDWARE_LIBRARY } from './hardware-library';
import { ownEntry } from './own-entry';
import { mainHardware } from './hardware-tiers';

/** Why `requests` simulated requests per option are too many for `users` users, if they are. */
export function requestsPastLimit(users: number, requests: number): string | undefined {
  if (requests > SCENARIO_LIMITS.requests) {
    return `${limitText(requests)} requests are more than a run holds: at most ${limitText(SCENARIO_LIMITS.requests)} per option`;
  }
  if (users * requests > SCENARIO_LIMITS.usersTimesRequests) {
    return `${limitText(users)} users with ${limitText(requests)} requests per option are more than a run holds: users x requests is at most ${limitText(SCENARIO_LIMITS.usersTimesRequests)} (the users not simulated in detail are background load, whose work grows with both); simulate fewer requests`;
  }
  return undefined;
}

export function runLimitErrors(scenario: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const { workload } = scenario;
  if (workload.users > SCENARIO_LIMITS.users) {
    errors.push({
      path: 'workload.users',
      message: `at most ${limitText(SCENARIO_LIMITS.users)} users: each simulated user holds its own devices and links`,
    });
  } else if (workload.requests !== undefined) {
    const past = requestsPastLimit(workload.users, workload.requests);
    if (past) errors.push({ path: 'workload.requests', message: past });
  }
  if (workload.duration_s !== undefined) {
    const peak = workload.load_profile ? Math.max(...workload.load_profile) : 1;
    const total = workload.users * workload.per_user_rps * peak * workload.duration_s;
    if (total > SCENARIO_LIMITS.durationRequests) {
      errors.push({
        path: 'workload.duration_s',
        message: `a duration run simulates every user's requests: ${limitText(Math.round(total))} at the busiest rate, more than the ${limitText(SCENARIO_LIMITS.durationRequests)} a run holds; shorten it or give requests instead`,
      });
    }
  }
  scenario.components.forEach((component, index) => {
    const shared = (component.scope ?? defaultScope(component.kind)) === 'shared';
    const hardwareId = mainHardware(component);
    const hardware = ownEntry(scenario.hardware, hardwareId) ?? ownEntry(HARDWARE_LIBRARY, hardwareId);
    if (!shared) {
      if ((component.cores ?? 1) > SCENARIO_LIMITS.deviceCores) {
        errors.push({
          path: `components[${index}].cores`,
          message: `a per-user device has at most ${limitText(SCENARIO_LIMITS.deviceCores)} cores (a run holds one set per simulated user)`,
        });
      }
      return;
    }
    if (component.kind === 'serverless' || !hardware) return;
    const replicas = typeof component.replicas === 'object' ? component.replicas.max : (component.replicas ?? 1);
    const executors = replicas * (component.cores ?? hardware.cores);
    if (executors > SCENARIO_LIMITS.sharedExecutors) {
      errors.push({
        path: `components[${index}].replicas`,
        message: `${limitText(executors)} executors (replicas x cores) are more than a run holds: a shared component has at most ${limitText(SCENARIO_LIMITS.sharedExecutors)}`,
      });
    }
  });
  return errors;
}
