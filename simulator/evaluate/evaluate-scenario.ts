// Evaluates every option of a scenario: simulate, summarise, cost, battery, budgets, and the
// recommendation. The only place that computes results; the CLI, the app and the exports call it.
import type { CascadeResult, LinkResult, OptionResult, ScenarioResults, StepResult } from '../results';
import type { Scenario } from '../scenario/schema';
import { budgetVerdicts, recommend } from './budget-verdicts';
import { summarizeLatencies } from './latency-statistics';
import { fitVerdicts } from './model-fit';
import { linkTraffic, monthlyCost } from './monthly-cost';
import { buildOptionPlan, type OptionPlan } from './option-plan';
import { planEstimate, planFit } from './plan-figures';
import { nonstationaryReasons, optionWarnings } from './run-caveats';
import { type Fidelity, planRun } from './run-shape';
import { type OptionRun, simulateOption } from './simulate-option';
import { buildSystemModel, type SystemModel } from './system-model';
import { tierResults } from './tier-results';
import { personalGbPerMonth } from './personal-data';

export interface EvaluateSettings {
  /** Simulated requests per option (warm-up excluded); default from the scenario's workload. */
  requests?: number;
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Evaluate only these options (default: all). */
  options?: string[];
  /** 'preview' simulates shorter spans per user: much faster with many users, a little less exact. */
  fidelity?: Fidelity;
  /**
   * A larger request count whose users to detail where devices are idle, so that a shorter run
   * spans less time (run-shape.ts): a Monte Carlo sample's stage names its full run's count.
   */
  usersFor?: number;
  /** Called as each option starts, for progress on long runs. */
  onOption?: (index: number, count: number, optionId: string) => void;
  /**
   * Options already evaluated with these same settings, reused as they are: an option's results
   * depend only on the scenario, the settings and the seed, never on the other options.
   */
  known?: readonly OptionResult[];
  /**
   * false leaves out the latency's batch-means intervals (`latency_ms.ci95`, and the warnings
   * drawn from them): a Monte Carlo evaluation keeps a few figures of each run, none of them those.
   */
  latencyIntervals?: boolean;
  /**
   * false leaves out what only a report of the option reads: its steps' figures (empty), its
   * links' (empty, unless a budget limits their utilisation), the run's caveats among its
   * warnings, and its autoscaling, serverless, batching, cascade and hardware-mix details. A
   * Monte Carlo evaluation keeps a few figures of each run and its verdicts (sample-metrics.ts,
   * verdict-intervals.ts), none of those.
   */
  details?: boolean;
}

export function evaluateScenario(scenario: Scenario, settings: EvaluateSettings = {}): ScenarioResults {
  const seed = settings.seed ?? scenario.seed;
  const system = buildSystemModel(scenario);
  const chosen = settings.options ? new Set(settings.options) : undefined;
  const chosenOptions = scenario.options.filter((option) => !chosen || chosen.has(option.id));
  const options = chosenOptions.map((option, index) => {
    settings.onOption?.(index, chosenOptions.length, option.id);
    const known = settings.known?.find((result) => result.id === option.id);
    return known ?? evaluateOption(system, buildOptionPlan(system, option), settings, seed);
  });
  const recommendation = recommend(options);
  return {
    scenario: scenario.name,
    seed,
    requests: options[0]?.requests ?? 0,
    options,
    recommendation: recommendation.id,
    recommendation_reason: recommendation.reason,
    decision: scenario.decision ?? null,
  };
}

/** One option of the scenario, simulated and summarised (Monte Carlo samples call it option by option). */
export function evaluateOption(
  system: SystemModel,
  plan: OptionPlan,
  settings: EvaluateSettings,
  seed: number,
): OptionResult {
  const analytic = planEstimate(system, plan);
  const shape = planRun(system, analytic, settings.requests, settings.fidelity, settings.usersFor);
  const run = simulateOption(system, plan, shape, seed);
  const nonstationary = nonstationaryReasons(system, plan, run);
  const statistics = summarizeLatencies(
    run.latencies,
    settings.latencyIntervals !== false && nonstationary.length === 0,
  );
  const nan = Number.NaN;
  const latency = statistics?.summary ?? { mean: nan, p50: nan, p90: nan, p95: nan, p99: nan, max: nan };
  // Latency figures are of the requests after the warm-up; the others of every request.
  const perMeasured = (sum: number) => (run.measuredCompleted > 0 ? sum / run.measuredCompleted : 0);
  const perCompleted = (sum: number) => (run.completed > 0 ? sum / run.completed : 0);
  const kbPerRequest = run.linkKb.map((kb) => kb / run.simulatedRequests);
  const traffic = linkTraffic(system, plan, kbPerRequest);
  const details = settings.details !== false;
  const links =
    details || system.scenario.budgets.link_utilization !== undefined
      ? linkResults(system, run, kbPerRequest, traffic)
      : [];
  const components = Array.from(system.components, (component) => ({
    id: component.id,
    utilization: run.spanMs > 0 ? run.componentBusyMs[component.index] / (servedBy(component, run) * run.spanMs) : 0,
  })).filter((component) => component.utilization > 0);
  const warnings = details ? optionWarnings(system, plan, run, analytic, latency, shape) : [];
  const fit = planFit(system, plan);
  const battery = batteryHours(system, run, components, kbPerRequest, traffic.telemetryGb, warnings);
  const figures = {
    id: plan.option.id,
    label: plan.option.label,
    pattern: plan.option.pattern,
    latency_ms: latency,
    breakdown_ms: {
      compute: perMeasured(run.computeMs),
      queue: perMeasured(run.queueMs),
      network: perMeasured(run.networkMs),
    },
    steps: details ? stepResults(system, plan, run) : [],
    links,
    components,
    monthly_usd: monthlyCost(system, plan, traffic, run, analytic),
    battery_hours: battery.hours,
    accuracy: plan.steps.some(
      (step) =>
        step.primary.model?.accuracy !== undefined ||
        step.fallback?.model?.accuracy !== undefined ||
        step.cascade?.placement.model?.accuracy !== undefined,
    )
      ? perCompleted(run.accuracySum)
      : null,
    success_rate: run.simulatedRequests > 0 ? run.completed / run.simulatedRequests : 0,
    offline: {
      requests: run.offlineRequests,
      success_rate: run.offlineRequests > 0 ? run.offlineCompleted / run.offlineRequests : null,
      fallback_rate: run.offlineRequests > 0 ? run.offlineFallback / run.offlineRequests : null,
    },
    latency_quantiles_ms: statistics?.quantiles ?? [],
    analytic,
    warnings,
    completed: run.completed,
    failed: run.failed,
    detailed_users: run.detailedUsers,
    requests: run.measured,
    ...(nonstationary.length > 0 ? { nonstationary } : {}),
    ...(details ? elasticity(system, plan, run) : {}),
    ...(fit.length > 0 ? { fit } : {}),
    ...(details ? cascadeResults(system, plan, run) : {}),
    personal_gb_per_month: personalGbPerMonth(system, plan, run),
    ...(details && run.tiers.length > 0 ? { hardware_mix: tierResults(system, run, battery.tierHours) } : {}),
  };
  const budgets = [...budgetVerdicts(system.scenario.budgets, figures, statistics !== null), ...fitVerdicts(fit)];
  // Added to the figures rather than spread with them into a copy: the same fields in the same
  // order, without copying some thirty of them at every run (a Monte Carlo sample makes a dozen).
  return Object.assign(figures, { budgets, pass: budgets.every((verdict) => verdict.pass) });
}

/** Executors that shared the component's work over the run: all instances, mean replicas when autoscaled. */
function servedBy(component: SystemModel['components'][number], run: OptionRun): number {
  if (!component.shared) return component.servers * run.detailedUsers;
  const scaled = run.autoscaling.find((entry) => entry.component === component.index);
  return scaled ? scaled.meanReplicas * component.cores : component.servers;
}

// Additions for autoscaled, serverless and batching components, present only where used.
function elasticity(system: SystemModel, plan: OptionPlan, run: OptionRun): Partial<OptionResult> {
  const extra: Partial<OptionResult> = {};
  if (run.autoscaling.length > 0) {
    extra.autoscaling = run.autoscaling.map((entry) => ({
      component: system.components[entry.component].id,
      mean_replicas: entry.meanReplicas,
      timeline: entry.timeline,
    }));
  }
  const serverless = run.serverless.filter((entry) => entry.invocations > 0);
  if (serverless.length > 0) {
    extra.serverless = serverless.map((entry) => ({
      component: system.components[entry.component].id,
      invocations: entry.invocations,
      cold_start_share: entry.coldStarts / entry.invocations,
      mean_billed_ms: entry.billedMs / entry.invocations,
    }));
  }
  if (run.batching.length > 0) {
    extra.batching = run.batching.map((entry) => ({
      step: plan.steps[entry.step].step.id,
      component: system.components[plan.steps[entry.step].primary.component].id,
      mean_batch: entry.meanSize,
    }));
  }
  return extra;
}

function cascadeResults(system: SystemModel, plan: OptionPlan, run: OptionRun): Partial<OptionResult> {
  const cascade = plan.steps.flatMap((stepPlan, index): CascadeResult[] => {
    if (!stepPlan.cascade) return [];
    const [escalations, , , fellBack] = run.cascadeStats[index];
    return [
      {
        step: stepPlan.step.id,
        model: stepPlan.cascade.placement.model!.id,
        at: system.components[stepPlan.cascade.placement.component].id,
        escalations,
        escalation_rate: run.simulatedRequests > 0 ? escalations / run.simulatedRequests : 0,
        fell_back: fellBack,
        ...(escalations > 0 ? { fell_back_share: fellBack / escalations } : {}),
      },
    ];
  });
  return cascade.length > 0 ? { cascade } : {};
}

function stepResults(system: SystemModel, plan: OptionPlan, run: OptionRun): StepResult[] {
  return plan.steps.flatMap((stepPlan, index) => {
    const [primaryRuns, primaryMs, fallbackRuns, fallbackMs] = run.stepStats[index];
    const result: StepResult[] = [
      {
        id: stepPlan.step.id,
        at: system.components[stepPlan.primary.component].id,
        mean_ms: primaryRuns > 0 ? primaryMs / primaryRuns : stepPlan.primary.service.mean,
        share: primaryRuns / run.simulatedRequests,
      },
    ];
    if (stepPlan.fallback && fallbackRuns > 0) {
      result.push({
        id: stepPlan.step.id,
        at: system.components[stepPlan.fallback.component].id,
        mean_ms: fallbackMs / fallbackRuns,
        share: fallbackRuns / run.simulatedRequests,
      });
    }
    const [, secondRuns, secondMs] = run.cascadeStats[index];
    if (stepPlan.cascade && secondRuns > 0) {
      result.push({
        id: stepPlan.step.id,
        at: system.components[stepPlan.cascade.placement.component].id,
        mean_ms: secondMs / secondRuns,
        share: secondRuns / run.simulatedRequests,
      });
    }
    return result;
  });
}

function linkResults(
  system: SystemModel,
  run: OptionRun,
  kbPerRequest: Float64Array,
  traffic: ReturnType<typeof linkTraffic>,
): LinkResult[] {
  return Array.from(system.links, (link) => {
    const instances = link.shared ? 1 : run.detailedUsers;
    const busiest = Math.max(run.linkBusyMs[link.index * 2], run.linkBusyMs[link.index * 2 + 1]);
    // Mean throughput of one instance of the link (one user's, or the shared one) while in use.
    const instanceRps = (link.shared ? system.users : 1) * system.perUserRps;
    return {
      id: link.id,
      tech: link.tech,
      utilization: run.spanMs > 0 ? busiest / (instances * run.spanMs) : 0,
      mean_mbps: (kbPerRequest[link.index] * 8 * instanceRps) / 1000,
      gb_per_month: traffic.requestGb[link.index] + traffic.telemetryGb[link.index] + traffic.updateGb[link.index],
    };
  }).filter((link) => link.gb_per_month > 0 || link.utilization > 0);
}

// Battery hours (DESIGN.md section 2): idle + (active - idle) x utilisation + radio energy. A
// device population has a battery life per tier (its power figures and its utilisation); the
// component's figure is its shortest-lived tier's, so that a battery budget holds for every tier.
export function batteryHours(
  system: SystemModel,
  run: Pick<OptionRun, 'tiers' | 'spanMs'>,
  utilizations: { id: string; utilization: number }[],
  kbPerRequest: Float64Array,
  telemetryGb: Float64Array,
  warnings: string[],
): { hours: Record<string, number>; tierHours: Map<number, (number | undefined)[]> } {
  const hours: Record<string, number> = Object.create(null);
  const tierHours = new Map<number, (number | undefined)[]>();
  const monthlyActiveSeconds = system.requestsPerMonth / system.perUserRps / system.users || 1;
  for (const component of system.components) {
    if (component.batteryWh === undefined) continue;
    const radio = radioWatts(system, component, kbPerRequest, telemetryGb, monthlyActiveSeconds);
    const tierRun = run.tiers.find((entry) => entry.component === component.index);
    if (component.tiers && tierRun) {
      const perTier = component.tiers.map((tier, index) => {
        const power = tier.hardware.power_w;
        if (!power) {
          warnings.push(`no battery figure for ${component.id} on ${tier.hardwareId}: that hardware has no power_w`);
          return undefined;
        }
        const users = tierRun.tierOfUser.filter((owner) => owner === index).length;
        const span = component.servers * users * run.spanMs;
        const utilization = span > 0 ? Math.min(1, tierRun.busyMs[index] / span) : 0;
        const watts = power.idle + (power.active - power.idle) * utilization + radio;
        return watts > 0 ? component.batteryWh! / watts : undefined;
      });
      tierHours.set(component.index, perTier);
      const known = perTier.filter((value): value is number => value !== undefined);
      if (known.length > 0) hours[component.id] = Math.min(...known);
      continue;
    }
    const power = component.hardware.power_w;
    if (!power) {
      warnings.push(`no battery figure for ${component.id}: its hardware '${component.hardwareId}' has no power_w`);
      continue;
    }
    const utilization = Math.min(1, utilizations.find((entry) => entry.id === component.id)?.utilization ?? 0);
    const watts = power.idle + (power.active - power.idle) * utilization + radio;
    if (watts > 0) hours[component.id] = component.batteryWh / watts;
    else
      warnings.push(
        `${component.id} draws no power in this option (its power_w is 0 and it sends nothing), so its battery never runs down`,
      );
  }
  return { hours, tierHours };
}

/** A device's radio power: energy per MB of what it sends and receives per second (requests and telemetry). */
function radioWatts(
  system: SystemModel,
  component: SystemModel['components'][number],
  kbPerRequest: Float64Array,
  telemetryGb: Float64Array,
  monthlyActiveSeconds: number,
): number {
  let radioW = 0;
  for (const link of system.links) {
    if (link.ends[0] !== component.index && link.ends[1] !== component.index) continue;
    const perDeviceRps = component.shared ? system.users * system.perUserRps : system.perUserRps;
    const requestMbPerS = (kbPerRequest[link.index] / 1000) * perDeviceRps;
    const telemetryMbPerS =
      (telemetryGb[link.index] * 1000) / (component.shared ? 1 : system.users) / monthlyActiveSeconds;
    radioW += (requestMbPerS + telemetryMbPerS) * link.energyJPerMb;
  }
  return radioW;
}
