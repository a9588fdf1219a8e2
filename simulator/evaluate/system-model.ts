// The parts of a scenario that every option shares, resolved once: components with their
// hardware and executors, links with their defaults filled in, the route table, and the
// number of users simulated in detail.
import type { UtilizationMetric } from '../engine/autoscaler';
import { compileDistribution, type Sampler } from '../random/sampler';
import { HARDWARE_LIBRARY, type HardwareProfile } from '../scenario/hardware-library';
import { LINK_DEFAULTS } from '../scenario/link-technologies';
import { defaultScope } from '../scenario/references';
import type { Link, Scenario } from '../scenario/schema';
import { findRoute } from '../scenario/topology';
import { ownEntry } from '../scenario/own-entry';
import { hardwareTiers } from '../scenario/hardware-tiers';
import type { Executor } from './roofline';

export interface AutoscalingModel {
  metric: UtilizationMetric;
  min: number;
  max: number;
  targetUtilization: number;
  intervalMs: number;
  coldStart: Sampler;
}

export interface ServerlessModel {
  usdPerMillion: number;
  usdPerGbS: number;
  memoryGb: number;
  coldStart: Sampler;
  keepWarmMs: number;
  concurrency: number;
}

// Serverless defaults: AWS Lambda's (documentation and pricing page, x86, 2024).
export const SERVERLESS_DEFAULTS = {
  usdPerMillion: 0.2,
  usdPerGbS: 0.0000166667,
  memoryGb: 2,
  keepWarmS: 600,
  concurrency: 1000,
};

export interface ComponentModel {
  index: number;
  id: string;
  kind: string;
  shared: boolean;
  hardware: HardwareProfile;
  hardwareId: string;
  /** Executors per replica. */
  cores: number;
  /** Replicas at the start (the minimum when autoscaled). */
  replicas: number;
  /** All executors at the start: replicas x cores (concurrency for serverless). */
  servers: number;
  autoscaling?: AutoscalingModel;
  serverless?: ServerlessModel;
  /** One executor's throughput and memory bandwidth (the device's split evenly over its executors). */
  executor: Executor;
  /**
   * A per-user component with a hardware_mix: each tier's hardware, share of users and executor.
   * `hardware` is then the first tier's, for what a population has one of (its label).
   */
  tiers?: HardwareTierModel[];
  batteryWh?: number;
  usdPerHour: number;
}

export interface HardwareTierModel {
  hardwareId: string;
  hardware: HardwareProfile;
  share: number;
  executor: Executor;
}

export interface LinkModel {
  index: number;
  id: string;
  tech: string;
  ends: [number, number];
  shared: boolean;
  mbps: number;
  latency: Sampler;
  usdPerGb: number;
  energyJPerMb: number;
  outages: Link['outages'];
}

/** One hop: a link and its direction (0: ends[0] to ends[1], 1: the reverse). */
export interface HopModel {
  link: number;
  direction: 0 | 1;
  to: number;
}

export interface SystemModel {
  scenario: Scenario;
  components: ComponentModel[];
  componentIndex: Map<string, number>;
  links: LinkModel[];
  /** routes[from][to]: the fewest-hops route, or undefined when unreachable. */
  routes: (HopModel[] | undefined)[][];
  source: number;
  sink: number;
  users: number;
  /** Requests per second per user that the simulation runs at: the busiest hour's with a load profile. */
  perUserRps: number;
  /**
   * With a load profile in duration mode and Poisson arrivals: the share of the busiest hour's
   * arrivals kept in each hour of the simulated clock (thinning), so that the simulated day
   * follows the profile.
   */
  hourlyAcceptance?: number[];
  /** Requests per month over all users (DESIGN.md section 2). */
  requestsPerMonth: number;
}

export function resolveHardware(scenario: Scenario, id: string): HardwareProfile {
  const profile = ownEntry(scenario.hardware, id) ?? ownEntry(HARDWARE_LIBRARY, id);
  if (!profile) throw new Error(`unknown hardware '${id}'`);
  return { label: id, ...profile };
}

/** One of `cores` executors of a device: an equal part of its throughput and of its memory bandwidth. */
export function executorOf(hardware: HardwareProfile, cores: number): Executor {
  return {
    gflops: hardware.gflops / cores,
    memoryGbps: hardware.memory_gbps === undefined ? undefined : hardware.memory_gbps / cores,
  };
}

export function buildSystemModel(scenario: Scenario): SystemModel {
  // Arrays made with Array.from, not map: map's array has packed elements in the interpreter
  // but holey ones once V8 optimises the caller, a change of hidden class that deoptimises
  // every function reading the array (the event loop's and the estimate's among them).
  const components = Array.from(scenario.components, (component, index): ComponentModel => {
    const tiers = Array.from(hardwareTiers(component), (tier) => {
      const profile = resolveHardware(scenario, tier.hardware);
      return { hardwareId: tier.hardware, hardware: profile, share: tier.share };
    });
    const hardware = tiers[0].hardware;
    const shared = (component.scope ?? defaultScope(component.kind)) === 'shared';
    // A serverless instance runs one request at a time (as AWS Lambda does).
    const cores = component.kind === 'serverless' ? 1 : (component.cores ?? (shared ? hardware.cores : 1));
    const scaling = typeof component.replicas === 'object' ? component.replicas : undefined;
    const replicas = shared ? (scaling?.min ?? (component.replicas as number | undefined) ?? 1) : 1;
    const serverless: ServerlessModel | undefined =
      component.kind === 'serverless'
        ? {
            usdPerMillion: component.usd_per_million ?? SERVERLESS_DEFAULTS.usdPerMillion,
            usdPerGbS: component.usd_per_gb_s ?? SERVERLESS_DEFAULTS.usdPerGbS,
            memoryGb: component.memory_gb ?? SERVERLESS_DEFAULTS.memoryGb,
            coldStart: compileDistribution(component.cold_start_ms ?? 0),
            keepWarmMs: (component.keep_warm_s ?? SERVERLESS_DEFAULTS.keepWarmS) * 1000,
            concurrency: component.concurrency ?? SERVERLESS_DEFAULTS.concurrency,
          }
        : undefined;
    return {
      index,
      id: component.id,
      kind: component.kind,
      shared,
      hardware,
      hardwareId: tiers[0].hardwareId,
      cores,
      replicas,
      servers: serverless ? serverless.concurrency : cores * replicas,
      autoscaling: scaling && {
        metric: scaling.metric,
        min: scaling.min,
        max: scaling.max,
        targetUtilization: scaling.target_utilization,
        intervalMs: scaling.scale_interval_s * 1000,
        coldStart: compileDistribution(scaling.cold_start_ms),
      },
      serverless,
      executor: executorOf(hardware, cores),
      tiers: component.hardware_mix
        ? Array.from(tiers, (tier) => ({ ...tier, executor: executorOf(tier.hardware, cores) }))
        : undefined,
      batteryWh: component.battery_wh,
      usdPerHour: component.usd_per_hour ?? 0,
    };
  });
  const componentIndex = new Map(components.map((component) => [component.id, component.index]));
  const links = Array.from(scenario.links, (link, index): LinkModel => {
    const defaults = LINK_DEFAULTS[link.tech];
    const ends: [number, number] = [componentIndex.get(link.between[0])!, componentIndex.get(link.between[1])!];
    return {
      index,
      id: link.id,
      tech: link.tech,
      ends,
      shared: components[ends[0]].shared && components[ends[1]].shared,
      mbps: link.mbps ?? defaults.mbps,
      latency: compileDistribution(link.latency_ms ?? defaults.latency_ms),
      usdPerGb: link.usd_per_gb ?? defaults.usd_per_gb,
      energyJPerMb: link.energy_j_per_mb ?? defaults.energy_j_per_mb,
      outages: link.outages,
    };
  });
  const linkIndex = new Map(links.map((link) => [link.id, link.index]));
  const hopOf = (hop: { link: string; to: string }): HopModel => {
    const link = links[linkIndex.get(hop.link)!];
    const target = componentIndex.get(hop.to)!;
    return { link: link.index, direction: link.ends[1] === target ? 0 : 1, to: target };
  };
  const routes = Array.from(components, (from) =>
    Array.from(components, (to) => {
      const route = findRoute(scenario.links, from.id, to.id);
      return route && Array.from(route, hopOf);
    }),
  );
  const { workload } = scenario;
  const users = workload.users;
  const profile = workload.load_profile;
  const peak = profile ? Math.max(...profile) : 1;
  const perUserRps = workload.per_user_rps * peak;
  // Active hours per day: the profile's total multiplier, or hours_per_day.
  const activeHours = profile
    ? profile.reduce((sum, multiplier) => sum + multiplier, 0)
    : (workload.hours_per_day ?? 24);
  return {
    scenario,
    components,
    componentIndex,
    links,
    routes,
    source: componentIndex.get(workload.source)!,
    sink: componentIndex.get(workload.sink ?? workload.source)!,
    users,
    perUserRps,
    // Periodic arrivals keep their period whatever the hour (the background users' too).
    hourlyAcceptance:
      profile && workload.duration_s !== undefined && workload.arrivals !== 'periodic'
        ? Array.from(profile, (multiplier) => multiplier / peak)
        : undefined,
    requestsPerMonth: (users * workload.per_user_rps * 3600 * activeHours * 730) / 24,
  };
}
