// The stations of one option's run: each component's executors (a FIFO pool, autoscaled or
// not, or serverless instances) and each link direction's serialiser, one per detailed user
// for per-user components and links and one for shared ones, with a stream for the background
// users' load on each shared one (its rate is set by the background's routing); and the
// batchers in front of components the option batches on.
//
// A detailed user's own stations are made when it sends its first request (own.addUser), so
// that a run's stations and memory grow with its requests, not with the users it could draw
// from: a run of 100,000 requests among a million users makes about 95,000 users' devices, not
// a million. Per-user stations are plain FIFO pools without background (validation keeps
// replicas, autoscaling and serverless to shared components), so making one later draws nothing
// and changes no result.
import { batchedSteps } from '../analytic/option-estimate';
import { Autoscaler } from '../engine/autoscaler';
import { type BatchDispatch, Batcher } from '../engine/batcher';
import { FifoServers } from '../engine/fifo-servers';
import { ServerlessInstances } from '../engine/serverless-instances';
import { UserStations } from '../engine/user-stations';
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
  /** The shared stations. */
  stations: Station[];
  /** Per shared station, the background users' stream into it (when some users are background). */
  background: (BackgroundLoad | undefined)[];
  hasBackground: Uint8Array;
  /** The detailed users' own stations: each per-user component's, and each direction of each per-user link. */
  own: UserStations;
  /** Component c's station: its index in `stations` if shared, else among each user's `own`. */
  componentBase: Int32Array;
  /** Link direction (link * 2 + direction)'s station: its index in `stations` if shared, else among each user's `own`. */
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
  const backgroundFor = (name: string) =>
    withBackground ? new BackgroundLoad(new RandomStream(seed, `background:${name}`), budget) : undefined;
  // Each user's own servers, per station: its devices' executors and its links' serialisers.
  const ownServers: number[] = [];
  const componentBase = Int32Array.from(components, (component) => {
    if (!component.shared) return ownServers.push(shape.initialReplicas[component.index] * component.cores) - 1;
    const base = stations.length;
    const load = backgroundFor(component.id);
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
    return base;
  });
  const linkBase = new Int32Array(links.length * 2);
  for (const link of links) {
    for (const direction of [0, 1]) {
      if (!link.shared) {
        linkBase[link.index * 2 + direction] = ownServers.push(1) - 1;
        continue;
      }
      linkBase[link.index * 2 + direction] = stations.length;
      const load = backgroundFor(`${link.id}:${direction}`);
      stations.push(new FifoServers(1, load));
      background.push(load);
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
    own: new UserStations(ownServers),
    autoscalers,
    serverless,
    batchers,
    batcherOfStep,
    stepBatched,
  };
}
