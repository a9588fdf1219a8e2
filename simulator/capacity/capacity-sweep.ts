// `placewise capacity`: sweep the load on one shared component from light to beyond what its
// current replicas can serve, and at each load find the fewest replicas that meet the latency
// budget (a queueing guess, refined by simulation), their p95 and monthly cost, and what the same
// work would cost as a serverless function. The load grows with the number of users (and
// per_user_rps takes up the rounding, so scenarios of a few users sweep smoothly too), so per-user
// devices and links stay about as they are and shared components see more work; the other shared
// components get replicas in proportion, so that only the one being sized can saturate.
import { evaluateScenario } from '../evaluate/evaluate-scenario';
import { HOURS_PER_MONTH } from '../evaluate/monthly-cost';
import { buildSystemModel } from '../evaluate/system-model';
import type { LatencySummary } from '../results';
import type { Budgets, LatencyStatistic, Scenario } from '../scenario/schema';
import { CapacityInputError, chooseTarget, targetStation } from './capacity-target';
import { fewestServers, type Station } from './erlang-guess';
import { type ReplicaTrial, searchReplicas } from './replica-search';
import { type ServerlessPricing, serverlessPricing } from './serverless-alternative';

export interface CapacitySettings {
  /** The component to size (default: the shared component with the most work in the chosen option). */
  component?: string;
  /** The option whose load counts (default: the decision, else the recommendation). */
  option?: string;
  points?: number;
  /** Simulated requests per trial: fewer than a normal run, since a sweep runs dozens of trials. */
  requests?: number;
  seed?: number;
  /** Replica counts searched up to this. */
  maxReplicas?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface CapacityPoint {
  /** Requests per second reaching the component (at peak, with a load profile). */
  rps: number;
  users: number;
  /** The fewest replicas meeting the budget; null when none up to the maximum does. */
  replicas: number | null;
  /** p95 end-to-end latency at that count (or the best reachable when none meets the budget). */
  p95_ms: number;
  /** The component's always-on cost at that count: replicas x usd_per_hour x 730. */
  monthly_usd: number | null;
  meets_budget: boolean;
  /** The queueing (Erlang C) guess the search started from. */
  erlang_replicas: number;
  utilization: number | null;
  latency_ms: LatencySummary;
  /** The same work as a serverless function. */
  serverless_monthly_usd: number;
}

export interface CapacitySweep {
  component: string;
  option: string;
  budget: { latency_ms: NonNullable<Budgets['latency_ms']> };
  usd_per_hour: number;
  /**
   * The scenario's own load and replicas, and the fewest replicas that meet the budget at that
   * load (null when none does) with their p95: what to set the component to today.
   */
  current: { rps: number; users: number; replicas: number; needed_replicas: number | null; needed_p95_ms: number };
  points: CapacityPoint[];
  serverless: ServerlessPricing & {
    /** Load (rps at the component) above which always-on replicas are cheaper; null if serverless stays cheaper across the sweep. */
    crossover_rps: number | null;
    note: string;
  };
  /** True when no load of the sweep meets the budget with any replica count. */
  impossible: boolean;
  requests_per_trial: number;
  simulations: number;
}

const DEFAULT_POINTS = 20;
const DEFAULT_REQUESTS = 4000;
const DEFAULT_MAX_REPLICAS = 1000;
// The sweep reaches this multiple of the load the current replicas saturate at.
const BEYOND_SATURATION = 1.5;
// Replicas for the baseline run, where queueing at the component is negligible.
const BASELINE_UTILIZATION = 0.1;

export { CapacityInputError };

export function capacitySweep(scenario: Scenario, settings: CapacitySettings = {}): CapacitySweep {
  const budget = scenario.budgets.latency_ms;
  const statistics = Object.entries(budget ?? {}).filter(([, limit]) => limit !== undefined) as [
    LatencyStatistic,
    number,
  ][];
  if (!budget || statistics.length === 0) {
    throw new CapacityInputError(
      'capacity needs a latency budget to size against: add budgets.latency_ms (e.g. { p95: 500 })',
    );
  }
  const requests = settings.requests ?? DEFAULT_REQUESTS;
  const seed = settings.seed ?? scenario.seed;
  const maxReplicas = settings.maxReplicas ?? DEFAULT_MAX_REPLICAS;
  const system = buildSystemModel(scenario);
  const preferred =
    settings.option ?? scenario.decision ?? evaluateScenario(scenario, { requests, seed }).recommendation ?? '';
  const { component, plan } = chooseTarget(system, preferred, settings.component);
  const target = system.components[component];
  const optionId = plan.option.id;
  const station = targetStation(system, plan, component);
  const cores = target.cores;
  const meets = (latency: LatencySummary) => statistics.every(([name, limit]) => latency[name] <= limit);
  let simulations = 0;
  // A load is a multiple of the scenario's own.
  const usersAt = (scale: number) => Math.max(1, Math.round(system.users * scale));
  const simulate = (scale: number, replicas: number): ReplicaTrial => {
    simulations++;
    const users = usersAt(scale);
    const perUserRps = (scenario.workload.per_user_rps * scale * system.users) / users;
    const trialScenario: Scenario = {
      ...scenario,
      workload: { ...scenario.workload, users, per_user_rps: perUserRps },
      components: scenario.components.map((entry) => {
        if (entry.id === target.id) return { ...entry, replicas };
        // Other shared always-on components grow with the load, keeping their utilisation, so
        // that the sweep measures this component and not another one saturating.
        const other = system.components[system.componentIndex.get(entry.id)!];
        if (!other.shared || other.serverless || other.autoscaling) return entry;
        return { ...entry, replicas: Math.max(other.replicas, Math.ceil(other.replicas * scale)) };
      }),
    };
    const latency = evaluateScenario(trialScenario, { requests, seed, options: [optionId] }).options[0].latency_ms;
    return { replicas, latency, meets: meets(latency) };
  };
  const stationAt = (scale: number): Station => ({ ...station, ratePerMs: station.ratePerMs * scale });
  const replicasFor = (scale: number, utilization: number) =>
    Math.max(1, Math.ceil((stationAt(scale).ratePerMs * station.meanServiceMs) / (cores * utilization)));

  // The latency the rest of the request takes, from one run with the component nearly idle.
  const baseline = simulate(1, replicasFor(1, BASELINE_UTILIZATION)).latency;
  // When even that fails the budget, no replica count can meet it: each load gets one run with
  // the component nearly idle, the best it can reach, instead of a search.
  const hopeless = !meets(baseline);
  const slack = statistics.map(([name, limit]) => ({
    statistic: name === 'mean' ? ('mean' as const) : Number(name.slice(1)) / 100,
    ms: limit - baseline[name],
  }));

  const saturationScale = target.servers / Math.max(1e-12, station.ratePerMs * station.meanServiceMs);
  const topScale = Math.max(2, saturationScale * BEYOND_SATURATION);
  const count = settings.points ?? DEFAULT_POINTS;
  const pricing = serverlessPricing(system, optionId, component);
  const sizeAt = (scale: number): CapacityPoint => {
    const at = stationAt(scale);
    const offered = at.ratePerMs * at.meanServiceMs;
    const stable = Math.floor(offered / cores) + 1;
    const guess = slack.every((entry) => entry.ms > 0)
      ? Math.ceil(fewestServers(at, slack, maxReplicas * cores) / cores)
      : stable;
    const search = hopeless
      ? { replicas: null, trial: simulate(scale, replicasFor(scale, BASELINE_UTILIZATION)) }
      : searchReplicas({
          guess,
          stable,
          max: maxReplicas,
          utilization: (replicas) => offered / (replicas * cores),
          simulate: (replicas) => simulate(scale, replicas),
        });
    const rps = at.ratePerMs * 1000;
    return {
      rps,
      users: usersAt(scale),
      replicas: search.replicas,
      p95_ms: search.trial.latency.p95,
      monthly_usd: search.replicas === null ? null : search.replicas * target.usdPerHour * HOURS_PER_MONTH,
      meets_budget: search.replicas !== null,
      erlang_replicas: guess,
      utilization: search.replicas === null ? null : offered / (search.replicas * cores),
      latency_ms: search.trial.latency,
      serverless_monthly_usd: rps * pricing.usd_per_rps_month,
    };
  };
  // The scenario's own load first: what the component needs today.
  const today = sizeAt(1);
  const points: CapacityPoint[] = [];
  for (let index = 1; index <= count; index++) {
    points.push(sizeAt((topScale * index) / count));
    settings.onProgress?.(index, count);
  }
  return {
    component: target.id,
    option: optionId,
    budget: { latency_ms: budget },
    usd_per_hour: target.usdPerHour,
    current: {
      rps: station.ratePerMs * 1000,
      users: system.users,
      replicas: target.replicas,
      needed_replicas: today.replicas,
      needed_p95_ms: today.p95_ms,
    },
    points,
    serverless: { ...pricing, ...crossover(points, pricing, target.usdPerHour) },
    impossible: points.every((point) => !point.meets_budget),
    requests_per_trial: requests,
    simulations,
  };
}

// Serverless cost grows in proportion to load; always-on cost in steps of one replica. The
// crossover is the first load of the sweep where serverless costs at least as much, refined
// within its step to where the serverless line meets that replica count's cost.
function crossover(
  points: readonly CapacityPoint[],
  pricing: ServerlessPricing,
  usdPerHour: number,
): { crossover_rps: number | null; note: string } {
  const source =
    pricing.source === 'aws-lambda-defaults'
      ? `The scenario has no serverless component, so serverless is priced as AWS Lambda (${pricing.memory_gb} GB, ${pricing.hardware})`
      : `Serverless priced as ${pricing.source.slice('component:'.length)}`;
  if (usdPerHour === 0)
    return {
      crossover_rps: null,
      note: `${source}; the component has no usd_per_hour, so always-on costs nothing here`,
    };
  const priced = points.filter((point) => point.monthly_usd !== null);
  const index = priced.findIndex((point) => point.serverless_monthly_usd >= point.monthly_usd!);
  if (index === -1) return { crossover_rps: null, note: `${source}; serverless stays cheaper across the sweep` };
  const point = priced[index];
  const previous = index > 0 ? priced[index - 1].rps : 0;
  const exact = pricing.usd_per_rps_month > 0 ? point.monthly_usd! / pricing.usd_per_rps_month : point.rps;
  const rps = Math.min(point.rps, Math.max(previous, exact));
  return {
    crossover_rps: rps,
    note: `${source}; always-on replicas are cheaper above about ${Math.round(rps)} requests/s`,
  };
}
