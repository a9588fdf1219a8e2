// The queueing estimate of an option, computed in microseconds beside the simulation: every
// component an M/G/c station, every link direction an M/D/1 serialiser, arrivals Poisson
// (or deterministic for periodic workloads), visit rates from the option's route with its
// cache hit rates, every link up (outages and fallbacks left out). It gives instant feedback and a check on the simulation.

import { settledReplicas } from '../engine/autoscaler';
import { batchFactor } from '../engine/batcher';
import type { OptionPlan } from '../evaluate/option-plan';
import type { SystemModel } from '../evaluate/system-model';
import type { AnalyticEstimate, AnalyticLinkEstimate } from '../results';
import { meanWait } from './erlang';
import { type Visit, walkOption } from './request-walk';
import { ownEntry } from '../scenario/own-entry';

/** Every compute and hop a request makes with every link up, weighted by the probability that it makes it. */
export function optionVisits(system: SystemModel, plan: OptionPlan): Visit[] {
  return walkOption(system, plan, batchedSteps(system, plan)).visits;
}

// An autoscaled component settles where utilisation meets its target (within min and max).
function steadyServers(component: SystemModel['components'][number], load: StationLoad): number {
  const scaling = component.autoscaling;
  if (!scaling) return component.servers;
  return settledReplicas(scaling, component.cores, load.serviceSum / 1000) * component.cores;
}

interface StepBatching {
  maxBatch: number;
  maxWaitMs: number;
  /** A full batch's time relative to one inference. */
  factor: number;
}

/** Per step, whether the option batches its primary placement. */
export function batchedSteps(system: SystemModel, plan: OptionPlan): boolean[] {
  return Array.from(stepBatching(system, plan), (batching) => batching !== undefined);
}

/** Per step, its batching where the option batches it (undefined otherwise). */
function stepBatching(system: SystemModel, plan: OptionPlan): (StepBatching | undefined)[] {
  return Array.from(plan.steps, (stepPlan) => {
    const component = system.components[stepPlan.primary.component];
    const batching = ownEntry(plan.option.batching, component.id);
    if (!batching || !component.shared || !stepPlan.primary.model) return undefined;
    const factor = batchFactor(batching.max_batch, stepPlan.primary.model.batch_curve);
    return { maxBatch: batching.max_batch, maxWaitMs: batching.max_wait_ms, factor };
  });
}

// Mean wait for a batch to form under Poisson arrivals at `ratePerS`: a batch of B fills in
// about (B - 1) / rate, and a request waits on average half of that, at most max_wait_ms.
function batchFormationMs(batching: StepBatching, ratePerS: number): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a rate of 0 gives (B - 1) / 0 = Infinity, capped at max_wait_ms all the same; validation keeps users and per_user_rps positive and the walk drops paths of probability 0, so the rate is always positive
  if (ratePerS <= 0) return batching.maxWaitMs;
  return Math.min(batching.maxWaitMs, ((batching.maxBatch - 1) / ratePerS / 2) * 1000);
}

interface StationLoad {
  rate: number;
  serviceSum: number;
  serviceSquareSum: number;
}

// The loaded link directions, link by link. Pushed into an array rather than flatMap's, whose
// holey elements made the readers' filter calls return arrays of one kind when interpreted and
// of another once optimised (see buildSystemModel).
function linkEstimates(
  system: SystemModel,
  linkLoad: readonly StationLoad[],
  linkWaits: readonly { utilization: number; scv: number }[],
  scvs: number[],
): AnalyticLinkEstimate[] {
  const estimates: AnalyticLinkEstimate[] = [];
  for (const link of system.links) {
    for (const direction of [0, 1]) {
      const station = link.index * 2 + direction;
      if (!(linkLoad[station].rate > 0)) continue;
      estimates.push({
        id: link.id,
        direction: `${system.components[link.ends[direction]].id}->${system.components[link.ends[1 - direction]].id}`,
        utilization: linkWaits[station].utilization,
        arrival_rps: linkLoad[station].rate,
      });
      scvs.push(linkWaits[station].scv);
    }
  }
  return estimates;
}

// Per estimate, the squared coefficient of variation of each loaded station's service time (the
// mix of the jobs it gets), in the order of the estimate's components and links. Not part of the
// results JSON: the run's shape reads it (run-shape.ts), for a user's own queue takes longer to
// settle where its service varies more (a rare long job: a cascade's second model on a device).
const serviceScvs = new WeakMap<AnalyticEstimate, { components: number[]; links: number[] }>();

/** The estimate's stations' service SCVs (see above); undefined for an estimate not made by estimateOption. */
export function stationServiceScvs(estimate: AnalyticEstimate): { components: number[]; links: number[] } | undefined {
  return serviceScvs.get(estimate);
}

/** Executors' worth of work arriving at a component in the estimate (0 when it gets none). */
export function busyExecutors(estimate: AnalyticEstimate, componentId: string): number {
  const load = estimate.components.find((entry) => entry.id === componentId);
  return load ? (load.arrival_rps * load.service_ms) / 1000 : 0;
}

export function estimateOption(system: SystemModel, plan: OptionPlan): AnalyticEstimate {
  const batchings = stepBatching(system, plan);
  const { visits, jobs } = walkOption(
    system,
    plan,
    Array.from(batchings, (batching) => batching !== undefined),
  );
  const arrivalScv = system.scenario.workload.arrivals === 'periodic' ? 0 : 1;
  // Requests per second reaching one instance of a station: one user's for per-user stations.
  const rateFor = (shared: boolean) => (shared ? system.users : 1) * system.perUserRps;
  // Array.from, not map, here and below: see buildSystemModel (map's arrays change hidden class
  // once this function is optimised, which deoptimised it and the estimate's readers).
  const componentLoad = Array.from(system.components, (): StationLoad => ({
    rate: 0,
    serviceSum: 0,
    serviceSquareSum: 0,
  }));
  const linkLoad = system.links.flatMap(() =>
    [0, 1].map((): StationLoad => ({ rate: 0, serviceSum: 0, serviceSquareSum: 0 })),
  );
  // Full batches are assumed for the load, which is what a batching component sees when load matters.
  for (const job of jobs) {
    const rate = rateFor(system.components[job.component].shared) * job.probability;
    const load = componentLoad[job.component];
    const batching = job.escalated ? undefined : batchings[job.step];
    const share = batching ? batching.factor / batching.maxBatch : 1;
    load.rate += rate;
    load.serviceSum += rate * job.mean * share;
    load.serviceSquareSum += rate * share * share * (job.variance + job.mean * job.mean);
  }
  for (const visit of visits) {
    if (visit.kind === 'hop') {
      const link = system.links[visit.link];
      const rate = rateFor(link.shared) * visit.probability;
      const load = linkLoad[visit.link * 2 + visit.direction];
      const serialisation = (visit.kb * 8) / link.mbps;
      load.rate += rate;
      load.serviceSum += rate * serialisation;
      load.serviceSquareSum += rate * serialisation * serialisation;
    }
  }
  const stationWait = (
    load: StationLoad,
    servers: number,
  ): { wait: number; mean: number; utilization: number; scv: number } => {
    // Stryker disable next-line ConditionalExpression,ObjectLiteral: an idle station's figures are never read (the estimate leaves idle stations out and adds only loaded ones to the latency); the guard keeps them from being 0 / 0
    if (load.rate === 0) return { wait: 0, mean: 0, utilization: 0, scv: 0 };
    const mean = load.serviceSum / load.rate;
    const scv = mean === 0 ? 0 : load.serviceSquareSum / load.rate / (mean * mean) - 1;
    const ratePerMs = load.rate / 1000;
    return {
      wait: meanWait(servers, ratePerMs, mean, scv, arrivalScv),
      mean,
      utilization: (ratePerMs * mean) / servers,
      scv,
    };
  };
  const componentServers = Array.from(system.components, (component) =>
    steadyServers(component, componentLoad[component.index]),
  );
  const componentWaits = Array.from(system.components, (component) =>
    stationWait(componentLoad[component.index], componentServers[component.index]),
  );
  const linkWaits = Array.from(linkLoad, (load) => stationWait(load, 1));
  let meanLatency = 0;
  for (const job of jobs) {
    const batching = job.escalated ? undefined : batchings[job.step];
    // A batched inference waits for its batch to form, then for the whole batch to run.
    const inBatch = batching
      ? batchFormationMs(batching, rateFor(true) * job.probability) + job.mean * batching.factor
      : job.mean;
    meanLatency += job.probability * (componentWaits[job.component].wait + inBatch);
  }
  for (const visit of visits) {
    if (visit.kind === 'hop') {
      const link = system.links[visit.link];
      meanLatency +=
        visit.probability *
        (linkWaits[visit.link * 2 + visit.direction].wait + (visit.kb * 8) / link.mbps + link.latency.mean);
    }
  }
  const loaded = system.components.filter((component) => componentLoad[component.index].rate > 0);
  const linkScvs: number[] = [];
  const estimate: AnalyticEstimate = {
    components: Array.from(loaded, (component) => {
      const station = componentWaits[component.index];
      return {
        id: component.id,
        servers: componentServers[component.index],
        arrival_rps: componentLoad[component.index].rate,
        service_ms: station.mean,
        utilization: station.utilization,
        mean_response_ms: Number.isFinite(station.wait) ? station.wait + station.mean : null,
      };
    }),
    links: linkEstimates(system, linkLoad, linkWaits, linkScvs),
    mean_latency_ms: Number.isFinite(meanLatency) ? meanLatency : null,
  };
  serviceScvs.set(estimate, {
    components: Array.from(loaded, (component) => componentWaits[component.index].scv),
    links: linkScvs,
  });
  return estimate;
}
