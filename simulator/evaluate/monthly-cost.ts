// Monthly cost of an option (DESIGN.md section 2): shared compute it runs on, traffic over
// priced links, model updates shipped to every per-user holder, and sampled telemetry.
import { busyExecutors } from '../analytic/option-estimate';
import { settledReplicas } from '../engine/autoscaler';
import type { AnalyticEstimate, MonthlyCost } from '../results';
import { modelsByComponent } from './model-fit';
import type { OptionPlan } from './option-plan';
import type { OptionRun } from './simulate-option';
import type { SystemModel } from './system-model';

export const HOURS_PER_MONTH = 730;

/** What the cost reads of a run: autoscaled replicas and serverless billing (none where neither is used). */
export type SimulatedElasticity = Pick<OptionRun, 'autoscaling' | 'serverless'>;
const KB_PER_GB = 1e6;
const MB_PER_GB = 1e3;

/** Gigabytes per month over each link: the simulated traffic plus telemetry and model updates. */
export interface LinkTraffic {
  requestGb: Float64Array;
  telemetryGb: Float64Array;
  updateGb: Float64Array;
}

export function linkTraffic(system: SystemModel, plan: OptionPlan, kbPerRequest: Float64Array): LinkTraffic {
  const links = system.links.length;
  const requestGb = kbPerRequest.map((kb) => (kb * system.requestsPerMonth) / KB_PER_GB);
  const telemetryGb = new Float64Array(links);
  const telemetry = plan.option.telemetry;
  if (telemetry) {
    const to = system.componentIndex.get(telemetry.to)!;
    const gb = (telemetry.sample_rate * telemetry.kb * system.requestsPerMonth) / KB_PER_GB;
    // Stryker disable next-line ArrayDeclaration: a scenario is checked to have a route from the source to the telemetry target before it runs (references.ts), so the fallback never applies.
    for (const hop of system.routes[system.source][to] ?? []) telemetryGb[hop.link] += gb;
  }
  const updateGb = new Float64Array(links);
  const origin = updateOrigin(system);
  if (origin !== undefined) {
    for (const holding of modelHoldings(system, plan)) {
      const gb = (holding.sizeMb * holding.updatesPerMonth * system.users) / MB_PER_GB;
      // Stryker disable next-line ArrayDeclaration: with no route nothing is added either way: a planted non-hop's `link` is undefined, which indexes no link's traffic.
      for (const hop of system.routes[origin][holding.component] ?? []) updateGb[hop.link] += gb;
    }
  }
  return { requestGb, telemetryGb, updateGb };
}

// Updates ship from the cloud: the first shared cloud component, else any shared component.
function updateOrigin(system: SystemModel): number | undefined {
  const shared = system.components.filter((component) => component.shared);
  return (shared.find((component) => component.kind === 'cloud') ?? shared[0])?.index;
}

/** Each model the option keeps on a per-user component (primary, fallback or cascade), once per component. */
function modelHoldings(system: SystemModel, plan: OptionPlan) {
  // Stryker disable next-line ArrayDeclaration: a planted holding has no component, so no route reaches it (`routes[origin][undefined] ?? []`) and it ships nothing.
  const holdings: { component: number; sizeMb: number; updatesPerMonth: number }[] = [];
  for (const [component, models] of modelsByComponent(plan)) {
    if (system.components[component].shared) continue;
    for (const model of models) {
      if (!model.updates_per_month) continue;
      holdings.push({ component, sizeMb: model.size_mb, updatesPerMonth: model.updates_per_month });
    }
  }
  return holdings;
}

export function monthlyCost(
  system: SystemModel,
  plan: OptionPlan,
  traffic: LinkTraffic,
  run: SimulatedElasticity,
  estimate: AnalyticEstimate,
): MonthlyCost {
  let compute = 0;
  for (const index of plan.usedComponents) {
    const component = system.components[index];
    // Stryker disable next-line ConditionalExpression: a per-user component costs nothing per hour (usd_per_hour and serverless are refused on it, references.ts), so charging it adds 0.
    if (!component.shared) continue;
    if (component.serverless) compute += serverlessMonthlyUsd(system, component.index, run, estimate);
    else compute += meanReplicas(system, component.index, run, estimate) * component.usdPerHour * HOURS_PER_MONTH;
  }
  let network = 0;
  let updates = 0;
  let telemetry = 0;
  system.links.forEach((link, index) => {
    network += link.usdPerGb * traffic.requestGb[index];
    updates += link.usdPerGb * traffic.updateGb[index];
    telemetry += link.usdPerGb * traffic.telemetryGb[index];
  });
  return { total: compute + network + updates + telemetry, compute, network, updates, telemetry };
}

/**
 * Replicas paid for on average. Fixed replicas are paid around the clock. An autoscaled
 * component with a load profile pays, hour by hour, what the autoscaler settles on at that
 * hour's load (ceil(load / (target x cores per replica)), within min and max); without a
 * profile, the mean replicas of the simulated run.
 */
export function meanReplicas(
  system: SystemModel,
  component: number,
  run: SimulatedElasticity,
  estimate: AnalyticEstimate,
): number {
  const model = system.components[component];
  const scaling = model.autoscaling;
  if (!scaling) return model.replicas;
  const profile = system.scenario.workload.load_profile;
  // Every autoscaled component has its autoscaler in the run (station-set.ts), used or not.
  if (!profile) return run.autoscaling.find((entry) => entry.component === component)!.meanReplicas;
  const peak = Math.max(...profile);
  // Offered load at the busiest hour, in executors kept busy.
  const peakExecutors = busyExecutors(estimate, model.id);
  let total = 0;
  for (const multiplier of profile) total += settledReplicas(scaling, model.cores, peakExecutors * (multiplier / peak));
  return total / 24;
}

/**
 * A serverless component's month: requests at usd_per_million, and run time (cold starts
 * included, as the simulation billed them) at usd_per_gb_s for the configured memory.
 */
export function serverlessMonthlyUsd(
  system: SystemModel,
  component: number,
  run: SimulatedElasticity,
  estimate: AnalyticEstimate,
): number {
  const model = system.components[component];
  const pricing = model.serverless!;
  const load = estimate.components.find((entry) => entry.id === model.id);
  if (!load) return 0;
  const invocationsPerRequest = load.arrival_rps / (system.users * system.perUserRps);
  const invocationsPerMonth = invocationsPerRequest * system.requestsPerMonth;
  const simulated = run.serverless.find((entry) => entry.component === component);
  const billedMs =
    simulated && simulated.invocations > 0 ? simulated.billedMs / simulated.invocations : load.service_ms;
  return (
    (invocationsPerMonth * pricing.usdPerMillion) / 1e6 +
    invocationsPerMonth * (billedMs / 1000) * pricing.memoryGb * pricing.usdPerGbS
  );
}
