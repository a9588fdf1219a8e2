// The stations of one option's run: each component's executors (a FIFO pool, autoscaled or
// not, or serverless instances) and each link direction's serialiser, one per detailed user
// for per-user components and links and one for shared ones, with a stream for the background
// users' load on each shared one (its rate is set by the background's routing); and the
// batchers in front of components the option batches on.
import { batchedSteps } from '../analytic/option-estimate';
import { Autoscaler } from '../engine/autoscaler';
import { type BatchDispatch, Batcher } from '../engine/batcher';
import { FifoServers } from '../engine/fifo-servers';
import { ServerlessInstances } from '../engine/serverless-instances';
import type { Station } from '../engine/station';
import { BackgroundBudget } from '../engine/background-budget';
import { BackgroundLoad } from '../engine/background-load';
import { RandomStream } from '../random/random-stream';
import type { OptionPlan } from './option-plan';
import type { RunShape } from './run-shape';
import type { SystemModel } from './system-model';
import { ownEntry } from '../scenario/own-entry';

export interface StationSet {
  detailedUsers: number;
  stations: Station[];
  /** Per station, the background users' stream into it (shared stations, when some users are background). */
  background: (BackgroundLoad | undefined)[];
  hasBackground: Uint8Array;
  /** Index of component c's first station; add the user for per-user components. */
  componentBase: Int32Array;
  /** Index of link direction (link * 2 + direction)'s first station; add the user for per-user links. */
  linkBase: Int32Array;
  autoscalers: { component: number; autoscaler: Autoscaler; station: Station; intervalMs: number }[];
  serverless: { component: number; instances: ServerlessInstances }[];
  batchers: Batcher[];
  /** batcherOfStep[step]: the batcher of the step's primary placement, or -1. */
  batcherOfStep: Int32Array;
  /** Per step, whether its primary placement batches. */
  stepBatched: boolean[];
}

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
  const withBackground = system.users > users;
  const stepBatched = batchedSteps(system, plan);
  const stations: Station[] = [];
  const background: (BackgroundLoad | undefined)[] = [];
  const autoscalers: StationSet['autoscalers'] = [];
  const serverless: StationSet['serverless'] = [];
  const budget = new BackgroundBudget(shape.backgroundLimit);
  const backgroundFor = (shared: boolean, name: string) =>
    shared && withBackground ? new BackgroundLoad(new RandomStream(seed, `background:${name}`), budget) : undefined;
  const componentBase = Int32Array.from(components, (component) => {
    const base = stations.length;
    const instances = component.shared ? 1 : users;
    for (let user = 0; user < instances; user++) {
      const load = backgroundFor(component.shared, component.id);
      if (component.serverless) {
        const { concurrency, keepWarmMs, coldStart } = component.serverless;
        const coldRandom = new RandomStream(seed, `cold-start:${component.id}`);
        const instancesOf = new ServerlessInstances(concurrency, keepWarmMs, coldStart, coldRandom, load);
        serverless.push({ component: component.index, instances: instancesOf });
        stations.push(instancesOf);
      } else {
        const replicas = shape.initialReplicas[component.index];
        const station = new FifoServers(replicas * component.cores, load);
        stations.push(station);
        if (component.autoscaling) {
          const settings = { ...component.autoscaling, coresPerReplica: component.cores };
          const scalingRandom = new RandomStream(seed, `autoscaler:${component.id}`);
          const autoscaler = new Autoscaler(station, settings, scalingRandom, replicas);
          autoscalers.push({ component: component.index, autoscaler, station, intervalMs: settings.intervalMs });
        }
      }
      background.push(load);
    }
    return base;
  });
  const linkBase = new Int32Array(links.length * 2);
  for (const link of links) {
    for (const direction of [0, 1]) {
      linkBase[link.index * 2 + direction] = stations.length;
      const instances = link.shared ? 1 : users;
      for (let user = 0; user < instances; user++) {
        const load = backgroundFor(link.shared, `${link.id}:${direction}`);
        stations.push(new FifoServers(1, load));
        background.push(load);
      }
    }
  }
  const batching = plan.option.batching ?? {};
  const batchers: Batcher[] = [];
  const batcherOfStep = Int32Array.from(plan.steps, (stepPlan, step) => {
    if (!stepBatched[step]) return -1;
    const component = components[stepPlan.primary.component];
    const { max_batch, max_wait_ms } = ownEntry(batching, component.id)!;
    const random = withBackground
      ? new RandomStream(seed, `background-batch:${component.id}:${stepPlan.step.id}`)
      : undefined;
    batchers.push(
      new Batcher(
        stations[componentBase[component.index]],
        max_batch,
        max_wait_ms,
        (size) => hooks.batchService(step, size),
        (batch) => hooks.dispatch(step, batch),
        random,
        budget,
      ),
    );
    return batchers.length - 1;
  });
  return {
    detailedUsers: users,
    stations,
    background,
    hasBackground: Uint8Array.from(background, (load) => (load ? 1 : 0)),
    componentBase,
    linkBase,
    autoscalers,
    serverless,
    batchers,
    batcherOfStep,
    stepBatched,
  };
}
