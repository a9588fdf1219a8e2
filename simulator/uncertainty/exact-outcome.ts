// A Monte Carlo sample's figures for an option without simulating it, where the queueing
// estimate is exact rather than approximate: the option is then one M/M/c station and nothing
// else, whose response time has a closed form (analytic/mmc-response.ts). Anything the closed
// form leaves out (a link to cross, a second station, a cache, fallback or cascade that
// branches, batching, autoscaling, serverless cold starts, a hardware mix, periodic arrivals,
// a service time that is not exponential) sends the option to the simulation instead.
import { estimateOption, optionVisits } from '../analytic/option-estimate';
import { mmcResponse } from '../analytic/mmc-response';
import { budgetVerdicts } from '../evaluate/budget-verdicts';
import { batteryHours } from '../evaluate/evaluate-scenario';
import { fitVerdicts, modelFit } from '../evaluate/model-fit';
import { linkTraffic, monthlyCost } from '../evaluate/monthly-cost';
import type { OptionPlan } from '../evaluate/option-plan';
import type { SystemModel } from '../evaluate/system-model';
import { personalGbPerMonth } from '../evaluate/personal-data';
import { type OptionOutcome, optionOutcome } from './sample-metrics';

/** The station an option's requests all queue at, when the option is exactly one M/M/c station. */
export interface ExactStation {
  component: number;
  servers: number;
  /** Arrivals per ms at one instance of the station (one user's, for a per-user component). */
  ratePerMs: number;
  meanServiceMs: number;
}

/** The option's single M/M/c station, or undefined when the option is anything more. */
export function exactStation(system: SystemModel, plan: OptionPlan): ExactStation | undefined {
  if (system.scenario.workload.arrivals === 'periodic' || system.hourlyAcceptance) return undefined;
  if (plan.option.batching && Object.keys(plan.option.batching).length > 0) return undefined;
  if (plan.steps.some((step) => step.cache || step.fallback || step.cascade)) return undefined;
  const visits = optionVisits(system, plan);
  if (visits.some((visit) => visit.kind === 'hop')) return undefined;
  // Steps that take no time do not queue; exactly one takes time, and that time is exponential.
  const working = visits.filter(
    (visit) => visit.kind === 'compute' && !(visit.service.constant && visit.service.mean === 0),
  );
  if (working.length !== 1 || working[0].kind !== 'compute' || working[0].probability !== 1) return undefined;
  // A model's time is never exponential, and without one no step has an accuracy.
  if (plan.steps.some((stepPlan) => stepPlan.primary.model)) return undefined;
  const { step, component: index } = working[0];
  const compute = plan.steps[step].step.compute_ms;
  if (typeof compute !== 'object' || !('exponential' in compute)) return undefined;
  const component = system.components[index];
  if (component.autoscaling || component.serverless || component.tiers) return undefined;
  const ratePerMs = ((component.shared ? system.users : 1) * system.perUserRps) / 1000;
  return { component: index, servers: component.servers, ratePerMs, meanServiceMs: compute.exponential };
}

/**
 * The option's outcome from the closed form, or undefined where the simulation is needed: the
 * option is more than one M/M/c station, or its station is saturated (no steady state).
 */
export function exactOutcome(system: SystemModel, plan: OptionPlan): OptionOutcome | undefined {
  const station = exactStation(system, plan);
  if (!station) return undefined;
  const response = mmcResponse(station.servers, station.ratePerMs, station.meanServiceMs);
  if (!response) return undefined;
  const utilization = (station.ratePerMs * station.meanServiceMs) / station.servers;
  const component = system.components[station.component];
  const noKb = new Float64Array(system.links.length);
  const traffic = linkTraffic(system, plan, noKb);
  const battery = batteryHours(
    system,
    { tiers: [], spanMs: 0 },
    [{ id: component.id, utilization }],
    noKb,
    traffic.telemetryGb,
    [],
  );
  const figures = {
    id: plan.option.id,
    latency_ms: {
      mean: response.mean,
      p50: response.quantile(0.5),
      p90: response.quantile(0.9),
      p95: response.quantile(0.95),
      p99: response.quantile(0.99),
      max: Number.POSITIVE_INFINITY,
    },
    monthly_usd: monthlyCost(system, plan, traffic, { autoscaling: [], serverless: [] }, estimateOption(system, plan)),
    links: [],
    battery_hours: battery.hours,
    // No request crosses a link, so none can fail or go offline; no step has a model to be accurate.
    accuracy: null,
    success_rate: 1,
    offline: { requests: 0, success_rate: null, fallback_rate: null },
    personal_gb_per_month: personalGbPerMonth(system, plan, { simulatedRequests: 0, personalKb: 0 }),
  };
  const budgets = [...budgetVerdicts(system.scenario.budgets, figures, true), ...fitVerdicts(modelFit(system, plan))];
  return optionOutcome({ ...figures, budgets, pass: budgets.every((verdict) => verdict.pass) });
}
