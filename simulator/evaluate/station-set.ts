// The stations of one option's run: each component's executors (a FIFO pool, autoscaled or
// not, or serverless instances) and each link direction's serialiser, one per detailed user
// for per-user components and links and one for shared ones, with the background users' load
// on the shared ones; and the batchers in front of components the option batches on.
import { optionVisits } from '../analytic/option-estimate';
import { Autoscaler } from '../engine/autoscaler';
import { type BatchDispatch, Batcher } from '../engine/batcher';
import { FifoServers } from '../engine/fifo-servers';
import { ServerlessInstances } from '../engine/serverless-instances';
import type { Station } from '../engine/station';
import { BackgroundLoad } from '../engine/background-load';
import { RandomStream } from '../random/random-stream';
import { constantSampler, mixtureSampler, type Sampler } from '../random/sampler';
import type { OptionPlan } from './option-plan';
import type { RunShape } from './run-shape';
import type { SystemModel } from './system-model';

export interface StationSet {
  stations: Station[];
  hasBackground: Uint8Array;
  /** Index of component c's first station; add the user for per-user components. */
  componentBase: Int32Array;
  /** Index of link direction (link * 2 + direction)'s first station; add the user for per-user links. */
  linkBase: Int32Array;
  autoscalers: { component: number; autoscaler: Autoscaler; intervalMs: number }[];
  serverless: { component: number; instances: ServerlessInstances }[];
  batchers: Batcher[];
  /** batcherOfStep[step]: the batcher of the step's primary placement, or -1. */
  batcherOfStep: Int32Array;
}

type ServiceMix = { weight: number; sampler: Sampler }[];

export interface BatchHooks {
  /** Service time of a batch of `size` inferences of step `step`. */
  batchService(step: number, size: number): number;
  dispatch(step: number, batch: BatchDispatch): void;
}

export function buildStations(
  system: SystemModel,
  plan: OptionPlan,
  shape: RunShape,
  seed: number,
  hooks: BatchHooks,
): StationSet {
  const users = shape.detailedUsers;
  const { components, links } = system;
  const backgroundUsersRatePerMs = ((system.users - users) * system.perUserRps) / 1000;
  const batching = plan.option.batching ?? {};
  const batchedStep = plan.steps.map((stepPlan) => {
    const component = components[stepPlan.primary.component];
    return component.shared && stepPlan.primary.model !== undefined && batching[component.id] !== undefined;
  });
  // Visits per request and what each needs, for the background users' load on each shared station.
  const componentMix: ServiceMix[] = components.map(() => []);
  const stepVisits = new Float64Array(plan.steps.length);
  const linkMix: ServiceMix[] = links.flatMap(() => [[], []]);
  for (const visit of optionVisits(system, plan)) {
    if (visit.kind === 'hop') {
      const serialisation = constantSampler((visit.kb * 8) / links[visit.link].mbps);
      linkMix[visit.link * 2 + visit.direction].push({ weight: visit.probability, sampler: serialisation });
    } else if (batchedStep[visit.step] && visit.component === plan.steps[visit.step].primary.component) {
      stepVisits[visit.step] += visit.probability;
    } else componentMix[visit.component].push({ weight: visit.probability, sampler: visit.service });
  }
  const backgroundFor = (shared: boolean, mix: ServiceMix, name: string): BackgroundLoad | undefined => {
    const visitsPerRequest = mix.reduce((sum, part) => sum + part.weight, 0);
    if (!shared || backgroundUsersRatePerMs === 0 || visitsPerRequest === 0) return undefined;
    const random = new RandomStream(seed, `background:${name}`);
    return new BackgroundLoad(backgroundUsersRatePerMs * visitsPerRequest, mixtureSampler(mix), random);
  };

  const stations: Station[] = [];
  const hasBackground: number[] = [];
  const autoscalers: StationSet['autoscalers'] = [];
  const serverless: StationSet['serverless'] = [];
  const componentBase = Int32Array.from(components, (component) => {
    const base = stations.length;
    const instances = component.shared ? 1 : users;
    for (let user = 0; user < instances; user++) {
      const background = backgroundFor(component.shared, componentMix[component.index], component.id);
      if (component.serverless) {
        const { concurrency, keepWarmMs, coldStart } = component.serverless;
        const coldRandom = new RandomStream(seed, `cold-start:${component.id}`);
        const instancesOf = new ServerlessInstances(concurrency, keepWarmMs, coldStart, coldRandom, background);
        serverless.push({ component: component.index, instances: instancesOf });
        stations.push(instancesOf);
      } else {
        const replicas = shape.initialReplicas[component.index];
        const station = new FifoServers(replicas * component.cores, background);
        stations.push(station);
        if (component.autoscaling) {
          const settings = { ...component.autoscaling, coresPerReplica: component.cores };
          const scalingRandom = new RandomStream(seed, `autoscaler:${component.id}`);
          const autoscaler = new Autoscaler(station, settings, scalingRandom, replicas);
          autoscalers.push({ component: component.index, autoscaler, intervalMs: settings.intervalMs });
        }
      }
      hasBackground.push(background ? 1 : 0);
    }
    return base;
  });
  const linkBase = new Int32Array(links.length * 2);
  for (const link of links) {
    for (const direction of [0, 1]) {
      linkBase[link.index * 2 + direction] = stations.length;
      const instances = link.shared ? 1 : users;
      for (let user = 0; user < instances; user++) {
        const background = backgroundFor(link.shared, linkMix[link.index * 2 + direction], `${link.id}:${direction}`);
        stations.push(new FifoServers(1, background));
        hasBackground.push(background ? 1 : 0);
      }
    }
  }
  const batchers: Batcher[] = [];
  const batcherOfStep = Int32Array.from(plan.steps, (stepPlan, step) => {
    if (!batchedStep[step]) return -1;
    const component = components[stepPlan.primary.component];
    const { max_batch, max_wait_ms } = batching[component.id];
    const backgroundRate = backgroundUsersRatePerMs * stepVisits[step];
    const random =
      backgroundRate > 0 ? new RandomStream(seed, `background-batch:${component.id}:${stepPlan.step.id}`) : undefined;
    batchers.push(
      new Batcher(
        stations[componentBase[component.index]],
        max_batch,
        max_wait_ms,
        (size) => hooks.batchService(step, size),
        (batch) => hooks.dispatch(step, batch),
        backgroundRate,
        random,
      ),
    );
    return batchers.length - 1;
  });
  return {
    stations,
    hasBackground: Uint8Array.from(hasBackground),
    componentBase,
    linkBase,
    autoscalers,
    serverless,
    batchers,
    batcherOfStep,
  };
}
