// Which component the capacity sweep sizes, and under which option: the one named, or the
// shared always-on component that carries the most work in the chosen option.
import { estimateOption, optionVisits } from '../analytic/option-estimate';
import { buildOptionPlan, type OptionPlan } from '../evaluate/option-plan';
import type { SystemModel } from '../evaluate/system-model';
import type { Station } from './erlang-guess';

/** Bad input for the capacity search (a CLI maps it to exit 2). */
export class CapacityInputError extends Error {
  override name = 'CapacityInputError';
}

export interface CapacityTarget {
  component: number;
  plan: OptionPlan;
}

// Offered load (busy executors) of every component the option runs work on.
function offeredLoads(system: SystemModel, plan: OptionPlan): Map<string, number> {
  const estimate = estimateOption(system, plan);
  return new Map(estimate.components.map((entry) => [entry.id, (entry.arrival_rps / 1000) * entry.service_ms]));
}

const sizeable = (system: SystemModel, index: number) =>
  system.components[index].shared && system.components[index].kind !== 'serverless';

/** `preferred` is the decision or the recommendation: the option whose capacity matters. */
export function chooseTarget(system: SystemModel, preferred: string, componentId?: string): CapacityTarget {
  const plans = system.scenario.options.map((option) => buildOptionPlan(system, option));
  const preferredPlan = plans.find((plan) => plan.option.id === preferred) ?? plans[0];
  if (componentId === undefined) {
    const loads = offeredLoads(system, preferredPlan);
    const candidates = [...loads.entries()]
      .map(([id, load]) => ({ index: system.componentIndex.get(id)!, load }))
      .filter((entry) => sizeable(system, entry.index))
      .sort((a, b) => b.load - a.load);
    if (candidates.length === 0) {
      throw new CapacityInputError(
        `option '${preferredPlan.option.id}' runs nothing on a shared always-on component: name one with --component`,
      );
    }
    return { component: candidates[0].index, plan: preferredPlan };
  }
  const index = system.componentIndex.get(componentId);
  if (index === undefined) {
    throw new CapacityInputError(
      `unknown component '${componentId}' (known: ${system.components.map((component) => component.id).join(', ')})`,
    );
  }
  const component = system.components[index];
  if (!component.shared) {
    throw new CapacityInputError(
      `component '${componentId}' is per-user (one per user): capacity sizes the replicas of a shared component`,
    );
  }
  if (component.kind === 'serverless') {
    throw new CapacityInputError(
      `component '${componentId}' is serverless: it scales by itself; capacity sizes always-on replicas (its serverless crossover is reported for them)`,
    );
  }
  // The preferred option if it runs work there, else the option that puts the most work there.
  const ranked = [preferredPlan, ...plans.filter((plan) => plan !== preferredPlan)]
    .map((plan) => ({ plan, load: offeredLoads(system, plan).get(componentId) ?? 0 }))
    .filter((entry) => entry.load > 0);
  if (ranked.length === 0) throw new CapacityInputError(`no option runs a step on component '${componentId}'`);
  const best = ranked[0].plan === preferredPlan ? ranked[0] : ranked.sort((a, b) => b.load - a.load)[0];
  return { component: index, plan: best.plan };
}

/** The component as a queueing station under the option: arrivals, mean service and variability. */
export function targetStation(system: SystemModel, plan: OptionPlan, component: number): Station {
  const rateFor = system.components[component].shared ? system.users * system.perUserRps : system.perUserRps;
  let rate = 0;
  let serviceSum = 0;
  let squareSum = 0;
  for (const visit of optionVisits(system, plan)) {
    if (visit.kind !== 'compute' || visit.component !== component) continue;
    const visitRate = rateFor * visit.probability;
    const mean = visit.service.mean;
    rate += visitRate;
    serviceSum += visitRate * mean;
    squareSum += visitRate * mean * mean * (1 + visit.service.scv);
  }
  const meanServiceMs = rate > 0 ? serviceSum / rate : 0;
  return {
    ratePerMs: rate / 1000,
    meanServiceMs,
    serviceScv: meanServiceMs > 0 ? squareSum / rate / (meanServiceMs * meanServiceMs) - 1 : 0,
    arrivalScv: system.scenario.workload.arrivals === 'periodic' ? 0 : 1,
  };
}
