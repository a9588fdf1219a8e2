// The parts of a scenario that every option shares, resolved once: components with their
// hardware and executors, links with their defaults filled in, the route table, and the
// number of users simulated in detail.
import { compileDistribution, type Sampler } from '../random/sampler';
import { HARDWARE_LIBRARY, type HardwareProfile } from '../scenario/hardware-library';
import { LINK_DEFAULTS } from '../scenario/link-technologies';
import { defaultScope } from '../scenario/references';
import type { Link, Scenario } from '../scenario/schema';
import { findRoute } from '../scenario/topology';

export interface ComponentModel {
  index: number;
  id: string;
  kind: string;
  shared: boolean;
  hardware: HardwareProfile;
  hardwareId: string;
  /** Executors per replica. */
  cores: number;
  replicas: number;
  /** All executors: replicas x cores. */
  servers: number;
  /** Throughput of one executor, gflops. */
  executorGflops: number;
  batteryWh?: number;
  usdPerHour: number;
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
  perUserRps: number;
  /** Requests per month over all users (DESIGN.md section 2). */
  requestsPerMonth: number;
}

export function resolveHardware(scenario: Scenario, id: string): HardwareProfile {
  const profile = scenario.hardware[id] ?? HARDWARE_LIBRARY[id];
  if (!profile) throw new Error(`unknown hardware '${id}'`);
  return { label: id, ...profile };
}

export function buildSystemModel(scenario: Scenario): SystemModel {
  const components = scenario.components.map((component, index): ComponentModel => {
    const hardware = resolveHardware(scenario, component.hardware);
    const shared = (component.scope ?? defaultScope(component.kind)) === 'shared';
    const cores = component.cores ?? (shared ? hardware.cores : 1);
    const replicas = shared ? (component.replicas ?? 1) : 1;
    return {
      index,
      id: component.id,
      kind: component.kind,
      shared,
      hardware,
      hardwareId: component.hardware,
      cores,
      replicas,
      servers: cores * replicas,
      executorGflops: hardware.gflops / cores,
      batteryWh: component.battery_wh,
      usdPerHour: component.usd_per_hour ?? 0,
    };
  });
  const componentIndex = new Map(components.map((component) => [component.id, component.index]));
  const links = scenario.links.map((link, index): LinkModel => {
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
  const routes = components.map((from) =>
    components.map((to) =>
      findRoute(scenario.links, from.id, to.id)?.map((hop): HopModel => {
        const link = links[linkIndex.get(hop.link)!];
        const target = componentIndex.get(hop.to)!;
        return { link: link.index, direction: link.ends[1] === target ? 0 : 1, to: target };
      }),
    ),
  );
  const { workload } = scenario;
  const users = workload.users;
  const perUserRps = workload.per_user_rps;
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
    requestsPerMonth: (users * perUserRps * 3600 * workload.hours_per_day * 730) / 24,
  };
}

/** Requests measured per option (warm-up excluded): asked for, or the workload's requests or duration. */
export function measuredRequests(system: SystemModel, requests: number | undefined): number {
  const { workload } = system.scenario;
  if (requests !== undefined) return requests;
  if (workload.requests !== undefined) return workload.requests;
  return Math.max(
    1,
    Math.min(MAX_DURATION_REQUESTS, Math.round(system.users * system.perUserRps * workload.duration_s!)),
  );
}

// In duration mode, at most this many requests are simulated; the rest of the users' load is background.
const MAX_DURATION_REQUESTS = 1_000_000;
