// The discrete-event simulation of one option (DESIGN.md sections 2 and 5). Requests arrive,
// run the steps in order where the option places them, cross links hop by hop, and end when the
// last output reaches the sink. Per-request state lives in typed arrays indexed by request; the
// future-event list holds one pending event per request in flight plus the next arrival.

import { batchFactor } from '../engine/batcher';
import { EventQueue } from '../engine/event-queue';
import { alternatingOutages, NEVER_DOWN, type OutageProcess, scheduledOutages } from '../engine/outage-process';
import { RandomStream } from '../random/random-stream';
import { OwnNumbers } from './own-numbers';
import { keepSpareSlots, RequestSlots, takeSpareSlots } from './request-slots';
import { backgroundRegimes } from './background-routing';
import type { OptionPlan, StepPlacement } from './option-plan';
import type { RunShape } from './run-shape';
import { runSingleStation, singleStation } from './single-station-run';
import { stepTables, systemTables } from './run-tables';
import { buildStations } from './station-set';
import type { SystemModel } from './system-model';
import { assignTiers } from './tier-assignment';

export interface OptionRun {
  measured: number;
  /** Users simulated in detail; the others are background load on shared stations. */
  detailedUsers: number;
  /** Detailed users who sent a request, and so got their own stations (all of them without per-user stations: 0). */
  usersWithStations: number;
  /** End-to-end latency of each measured request in arrival order; NaN where it failed. */
  latencies: Float64Array;
  /** Requests that completed and that failed, all of the run's (warm-up included). */
  completed: number;
  failed: number;
  /** Completed requests after the warm-up: those in the latency statistics. */
  measuredCompleted: number;
  /** Sums over the measured completed requests. */
  queueMs: number;
  computeMs: number;
  networkMs: number;
  /** Per step: [runs at primary, service sum at primary, runs at fallback, service sum at fallback, cache hits]. */
  stepStats: Float64Array[];
  /** Requests of the whole run that started while a link on their route was down; of those, completed and with a fallback. */
  offlineRequests: number;
  offlineCompleted: number;
  offlineFallback: number;
  fallbackRequests: number;
  /**
   * Per step with a cascade: [escalations, runs of the second model, service sum of those runs,
   * escalations that fell back to the first answer because a link on the way was down].
   */
  cascadeStats: Float64Array[];
  /** Sum over completed requests of the product of the accuracies of the models that served them. */
  accuracySum: number;
  /** Per link: requests that failed because it was down when they needed it, and its long-run down share. */
  failedOn: Float64Array;
  downShare: Float64Array;
  /** Kilobytes carried per link (both directions), all simulated requests. */
  linkKb: Float64Array;
  /** Busy time per link direction (index link * 2 + direction), summed over instances. */
  linkBusyMs: Float64Array;
  /** Busy time per component, summed over its executors and instances. */
  componentBusyMs: Float64Array;
  /** Simulated requests, warm-up included. */
  simulatedRequests: number;
  /** Span of the arrivals, ms. */
  spanMs: number;
  /** `intervalMs`: how often it decided, longer than its scale interval in a run too long for that many decisions. */
  autoscaling: { component: number; meanReplicas: number; timeline: [number, number][]; intervalMs: number }[];
  /** Serverless components: invocations (background included), cold starts, billed time. */
  serverless: { component: number; invocations: number; coldStarts: number; billedMs: number }[];
  batching: { step: number; batches: number; meanSize: number }[];
  /** Kilobytes of personal steps' outputs sent from a user's own device to a shared one, all simulated requests. */
  personalKb: number;
  /** Components with a hardware_mix: each detailed user's tier and the busy time of each tier's devices. */
  tiers: { component: number; tierOfUser: Int32Array; busyMs: Float64Array }[];
  /** With a hardware_mix: the user of each measured request in arrival order (beside `latencies`). */
  measuredUsers?: Int32Array;
}

// Event payloads: a request's event is request * 2 + kind; negative payloads are a change of the
// background's regime (-2), an autoscaler's tick (-3 - index) and a batcher's wake-up (-3 -
// autoscalers - index). The next arrival is not in the event list (see runEvents).
const EVENT_REGIME = -2;
// Autoscaling decisions a run makes at most, per autoscaler (each costs a look at its station).
const MAX_AUTOSCALER_DECISIONS = 1_000_000;
// Events the event loop takes per call (see runEvents).
const EVENTS_PER_CALL = 256;
const KIND_COMPUTE_DONE = 0;
const KIND_HOP_DONE = 1;
const ESCALATING = 1;
const SECOND_MODEL = 2;

// The run's sums over its requests, its last arrival and its next (infinite when none is due).
// Fields of an object: a closure's own variables holding fractions are boxed by V8, and every
// update of one would allocate.
class RunSums {
  accuracy = 0;
  queueMs = 0;
  computeMs = 0;
  networkMs = 0;
  personalKb = 0;
  lastArrival = 0;
  nextArrival = Number.POSITIVE_INFINITY;
}

// The time of the event being handled, which every handler below reads. A field rather than an
// argument: the handlers are compiled apart (see advance), and a fraction passed to a function
// compiled apart is boxed, an allocation per call that made a third of a run's garbage.
class EventClock {
  now = 0;
}

// The event list a finished run leaves, empty, for the next run on this thread (see
// request-slots.ts): its arrays have grown to the run's most events at once. A larger one than
// this is not kept, so that a long run's arrays do not stay in memory for nothing.
let spareQueue: EventQueue | undefined;
const MAX_KEPT_EVENTS = 1 << 16;

export function simulateOption(system: SystemModel, plan: OptionPlan, shape: RunShape, seed: number): OptionRun {
  const { components, links } = system;
  const users = shape.detailedUsers;
  const steps = plan.steps;
  const stepCount = steps.length;
  const { warmup, capacity } = shape;
  const total = shape.arrivals ?? capacity;
  const durationMs = shape.durationMs ?? Number.POSITIVE_INFINITY;
  // Arrays made with Array.from, not map: map's array has packed elements in the interpreter
  // but holey ones once V8 optimises the caller, a change of hidden class that deoptimises
  // every function reading the array: the event loop's, as soon as this function is
  // optimised.
  const serviceRandom = Array.from(steps, (stepPlan) => new RandomStream(seed, `service:${stepPlan.step.id}`));
  const stepStats = Array.from(steps, () => new Float64Array(5));
  const set = buildStations(system, plan, shape, seed, {
    batchService: (step, size) =>
      steps[step].primary.service.sample(serviceRandom[step]) *
      // Stryker disable next-line OptionalChaining: a batched step always runs a model (batchedSteps in option-estimate.ts).
      batchFactor(size, steps[step].primary.model?.batch_curve),
    dispatch: (step, batch) => {
      const stats = stepStats[step];
      const model = steps[step].primary.model;
      const end = batch.start + batch.service;
      for (let member = 0; member < batch.members.length; member++) {
        const request = batch.members[member];
        queueMs[request] += batch.start - batch.arrivals[member];
        computeMs[request] += batch.service;
        stats[0]++;
        stats[1] += batch.service;
        // Stryker disable next-line OptionalChaining: as above, a batched step's model is always there.
        if (!escalates(request, step) && model?.accuracy !== undefined) accuracy[request] *= model.accuracy;
        // Stryker disable next-line ArithmeticOperator: KIND_COMPUTE_DONE is 0, so - gives the same payload (request / 2, the other mutant here, fails the simulation tests).
        queue.push(end, request * 2 + KIND_COMPUTE_DONE);
      }
    },
  });
  const { stations, componentBase, linkBase, autoscalers, batchers, batcherOfStep, own } = set;
  const stationHasBackground = set.hasBackground;
  const autoscalerEvents = autoscalers.length;
  const horizonS = Number.isFinite(durationMs) ? durationMs / 1000 : (total / (users * system.perUserRps)) * 1.5;
  const outages: OutageProcess[] = Array.from(links, (link) => {
    if (!link.outages) return NEVER_DOWN;
    if ('schedule' in link.outages) return scheduledOutages(link.outages.schedule, horizonS);
    return alternatingOutages(link.outages.every_s, link.outages.lasting_s, link.shared ? 1 : users, seed, link.id);
  });
  // Per link and component, what the event loop asks at every hop and run, in typed arrays
  // (run-tables.ts): a link without outages is never asked whether it is down (NEVER_DOWN draws nothing).
  const { linkShared, linkMbps, linkLatency, componentShared, firstHopLink, firstHopDirection, firstHopTo } =
    systemTables(system);
  const linkMayGoDown = Uint8Array.from(outages, (process) => (process === NEVER_DOWN ? 0 : 1));
  const componentCount = components.length;
  // The background's routing changes at most about once per detailed arrival (see backgroundRegimes).
  const regimes = backgroundRegimes(system, plan, set, outages, horizonS * 1000, total);

  const arrivalRandom = new RandomStream(seed, 'arrivals');
  const userRandom = new RandomStream(seed, 'users');
  const fallbackRandom = Array.from(
    steps,
    (stepPlan) => new RandomStream(seed, `service-fallback:${stepPlan.step.id}`),
  );
  const cacheRandom = Array.from(steps, (stepPlan) => new RandomStream(seed, `cache:${stepPlan.step.id}`));
  const latencyRandom = Array.from(links, (link) => new RandomStream(seed, `latency:${link.id}`));
  const escalationRandom = Array.from(steps, (stepPlan) => new RandomStream(seed, `cascade:${stepPlan.step.id}`));
  const cascadeRandom = Array.from(steps, (stepPlan) => new RandomStream(seed, `service-cascade:${stepPlan.step.id}`));
  const cascadeStats = Array.from(steps, () => new Float64Array(4));
  // Each detailed user owns one tier of every device population (hardware_mix) among its devices.
  const tierOfUser = Array.from(components, (component) =>
    component.tiers
      ? assignTiers(
          component.tiers.map((tier) => tier.share),
          users,
          new RandomStream(seed, `tiers:${component.id}`),
        )
      : new Int32Array(0),
  );
  // Stryker disable next-line ConditionalExpression,EqualityOperator: true and === make measuredUsers in runs without tiers too, where nothing reads it (tier-results.ts).
  const hasTiers = components.some((component) => component.tiers !== undefined);
  // A detailed user's own stations are made at its first request: ownNumber[user] is its number
  // among `own`'s users, -1 before (arrays kept from run to run, see own-numbers.ts).
  // Stryker disable next-line ConditionalExpression,EqualityOperator: true and >= size it without own stations too, where ownNumberOf returns before reading it and no user is numbered.
  const ownNumbers = OwnNumbers.take(own.stations > 0 ? users : 0);
  const ownNumber = ownNumbers.numberOf;
  const ownNumberOf = (user: number): number => {
    // Stryker disable next-line ConditionalExpression: false drops a shortcut: without own stations the number is never used (every station is shared).
    if (own.stations === 0) return 0;
    if (ownNumber[user] < 0) ownNumbers.set(user, own.addUser());
    return ownNumber[user];
  };
  // Admits a job at a component's or link direction's station: the shared one, or the user's own.
  const admitAt = (base: number, shared: boolean, ownUser: number, time: number, service: number): number => {
    if (!shared) return own.admit(ownUser, base, time, service);
    return stationHasBackground[base]
      ? stations[base].admitWithBackground(time, service)
      : stations[base].admit(time, service);
  };
  // Per step, what the event loop reads of its plan at every request, in typed arrays (run-tables.ts).
  // Personal data leaves the user when a personal step's output crosses from a per-user component to a shared one.
  const {
    personalOutput,
    primaryAccuracy,
    fallbackAccuracy,
    secondAccuracy,
    primaryComponent,
    hasCascade,
    escalateRate,
    cacheComponent,
    cacheHitRate,
    inputKb,
    outputKb,
  } = stepTables(plan);

  // Per-request state lives in slots that are reused once a request ends. Requests in flight
  // are few next to a run's millions, so the state stays in cache however long the run (arrays
  // sized to the whole run cost more in first-touch page faults than the simulation itself).
  // Below, `request` names a slot; requestOf[slot] is the request's index in arrival order.
  // The arrays are a RequestSlots' (see request-slots.ts), held here in variables of their own.
  let arrays = takeSpareSlots() ?? new RequestSlots(0);
  let slots = 0;
  let requestOf = arrays.requestOf;
  let startTime = arrays.startTime;
  let userOf = arrays.userOf;
  // The request's user's number among the users with their own stations (see ownNumber).
  let ownOf = arrays.ownOf;
  let stepOf = arrays.stepOf;
  let location = arrays.location;
  let hopTarget = arrays.hopTarget;
  let fallbackMask = arrays.fallbackMask;
  let cacheChecked = arrays.cacheChecked;
  let payloadKb = arrays.payloadKb;
  let queueMs = arrays.queueMs;
  let computeMs = arrays.computeMs;
  let networkMs = arrays.networkMs;
  let accuracy = arrays.accuracy;
  let offline = arrays.offline;
  // A cascaded step's request: 0 none, ESCALATING once its first model runs, SECOND_MODEL on its way to or at the second.
  let cascadePhase = arrays.cascadePhase;
  let freeSlots = arrays.freeSlots;
  let freeCount = 0;
  // Frees the slots from `slots` up to the arrays' size (every one of them, at the start).
  const freeNewSlots = () => {
    // Stryker disable next-line EqualityOperator: > for >= leaves one slot out of the free list, never used: the slots only grow one request sooner (< instead never ends).
    for (let slot = arrays.size - 1; slot >= slots; slot--) freeSlots[freeCount++] = slot;
    slots = arrays.size;
  };
  freeNewSlots();
  const growSlots = () => {
    arrays = new RequestSlots(Math.max(1024, slots * 2), arrays);
    requestOf = arrays.requestOf;
    startTime = arrays.startTime;
    userOf = arrays.userOf;
    ownOf = arrays.ownOf;
    stepOf = arrays.stepOf;
    location = arrays.location;
    hopTarget = arrays.hopTarget;
    fallbackMask = arrays.fallbackMask;
    cacheChecked = arrays.cacheChecked;
    payloadKb = arrays.payloadKb;
    queueMs = arrays.queueMs;
    computeMs = arrays.computeMs;
    networkMs = arrays.networkMs;
    accuracy = arrays.accuracy;
    offline = arrays.offline;
    cascadePhase = arrays.cascadePhase;
    freeSlots = arrays.freeSlots;
    freeNewSlots();
  };
  const takeSlot = (index: number, time: number, user: number): number => {
    if (freeCount === 0) growSlots();
    const slot = freeSlots[--freeCount];
    requestOf[slot] = index;
    startTime[slot] = time;
    userOf[slot] = user;
    ownOf[slot] = ownNumberOf(user);
    stepOf[slot] = 0;
    location[slot] = system.source;
    fallbackMask[slot] = 0;
    cacheChecked[slot] = -1;
    payloadKb[slot] = 0;
    queueMs[slot] = 0;
    computeMs[slot] = 0;
    networkMs[slot] = 0;
    accuracy[slot] = 1;
    offline[slot] = 0;
    cascadePhase[slot] = 0;
    return slot;
  };
  // Stryker disable next-line ArithmeticOperator: a longer array's end is never reached: at most capacity - warmup requests are measured, and the run returns only those.
  const latencies = new Float64Array(Math.max(0, capacity - warmup)).fill(Number.NaN);
  const measuredUsers = hasTiers ? new Int32Array(latencies.length) : undefined;

  const linkKb = new Float64Array(links.length);
  const failedOn = new Float64Array(links.length);
  const sink = system.sink;
  const queue = spareQueue ?? new EventQueue();
  spareQueue = undefined;
  const wakeBatcher = (batcher: number, at: number) => queue.push(at, -3 - autoscalerEvents - batcher);
  const hourlyAcceptance = system.hourlyAcceptance;
  const perUserGapMs = 1000 / system.perUserRps;
  const aggregateGapMs = perUserGapMs / users;
  const periodic = system.scenario.workload.arrivals === 'periodic';
  // Periodic arrivals: each user exactly one period apart, users at random phases. The users in
  // order of phase, ties by user: a phase is a 32-bit draw times the period, so the draw times
  // 2^20 plus the user (at most a million, see run-shape.ts) is an exact key below 2^52, and a
  // numeric sort of those keys orders a million users in a fraction of a comparator sort's time.
  const phases = new Float64Array(periodic ? users : 0);
  const phaseOrder = new Int32Array(periodic ? users : 0);
  if (periodic) {
    const keys = new Float64Array(users);
    // Stryker disable next-line EqualityOperator: <= for < draws one phase more at the end, which nothing reads: periodic arrivals draw nothing more from this stream (>= instead fails the tests).
    for (let user = 0; user < users; user++) {
      const draw = arrivalRandom.next();
      phases[user] = draw * perUserGapMs;
      keys[user] = draw * 2 ** 32 * 2 ** 20 + user;
    }
    keys.sort();
    keys.forEach((key, rank) => (phaseOrder[rank] = key % 2 ** 20));
  }

  let completed = 0;
  let measuredCompleted = 0;
  let failed = 0;
  let offlineRequests = 0;
  let offlineCompleted = 0;
  let offlineFallback = 0;
  let fallbackRequests = 0;
  const sums = new RunSums();
  const clock = new EventClock();
  let arrived = 0;

  // Records a request's end and frees its slot. Every request counts towards success, outages
  // and accuracy; the warm-up is left out of the latency statistics only (it starts from an
  // empty system, which biases waiting times, not whether a request completes).
  const finish = (request: number, success: boolean) => {
    const time = clock.now;
    if (success) {
      completed++;
      sums.accuracy += accuracy[request];
      const index = requestOf[request] - warmup;
      if (index >= 0) {
        latencies[index] = time - startTime[request];
        if (measuredUsers) measuredUsers[index] = userOf[request];
        measuredCompleted++;
        sums.queueMs += queueMs[request];
        sums.computeMs += computeMs[request];
        sums.networkMs += networkMs[request];
      }
    } else failed++;
    if (fallbackMask[request] !== 0) fallbackRequests++;
    if (offline[request]) {
      offlineRequests++;
      if (success) offlineCompleted++;
      if (fallbackMask[request] !== 0) offlineFallback++;
    }
    freeSlots[freeCount++] = request;
  };

  // Whether the request escalates is drawn as the step's first model starts (at its primary
  // placement); an escalated request's accuracy is then the second model's, counted when it runs.
  function escalates(request: number, stepIndex: number): boolean {
    // Stryker disable next-line EqualityOperator: > for >= differs only when a draw equals the rate exactly, a chance of 2^-53 a draw (< instead fails the cascade tests).
    if (hasCascade[stepIndex] === 0 || escalationRandom[stepIndex].next() >= escalateRate[stepIndex]) return false;
    cascadePhase[request] = ESCALATING;
    cascadeStats[stepIndex][0]++;
    return true;
  }

  // An escalation that finds a link down on its way keeps the first answer, and the request goes
  // on to the next step from where it stands.
  const keepFirstAnswer = (request: number) => {
    const stepIndex = stepOf[request];
    cascadePhase[request] = 0;
    cascadeStats[stepIndex][3]++;
    accuracy[request] *= primaryAccuracy[stepIndex];
    payloadKb[request] = outputKb[stepIndex];
    stepOf[request] = stepIndex + 1;
  };

  // A second model's run, where the request has come to escalate.
  const runSecondModel = (request: number, stepIndex: number, at: number) => {
    const time = clock.now;
    const second = steps[stepIndex].cascade!.placement;
    const service = second.service.sample(cascadeRandom[stepIndex]);
    const stats = cascadeStats[stepIndex];
    stats[1]++;
    stats[2] += service;
    accuracy[request] *= secondAccuracy[stepIndex];
    const start = admitAt(componentBase[at], componentShared[at] === 1, ownOf[request], time, service);
    queueMs[request] += start - time;
    computeMs[request] += service;
    // Stryker disable next-line ArithmeticOperator: KIND_COMPUTE_DONE is 0, so - gives the same payload (request / 2 instead fails the cascade tests).
    queue.push(start + service, request * 2 + KIND_COMPUTE_DONE);
  };

  // A step's run at `placement`, where the request is, with the steps that follow on there.
  const runSteps = (request: number, stepIndex: number, placement: StepPlacement, useFallback: boolean) => {
    const time = clock.now;
    const at = placement.component;
    const user = userOf[request];
    const sampler = placement.tierServices ? placement.tierServices[tierOfUser[at][user]] : placement.service;
    let service = sampler.sample(useFallback ? fallbackRandom[stepIndex] : serviceRandom[stepIndex]);
    const stats = stepStats[stepIndex];
    stats[useFallback ? 2 : 0]++;
    stats[useFallback ? 3 : 1] += service;
    if (!(!useFallback && escalates(request, stepIndex)))
      accuracy[request] *= useFallback ? fallbackAccuracy[stepIndex] : primaryAccuracy[stepIndex];
    // The steps that follow on this component run on at once, on the same executor: a
    // request waits for a component once, not once per step (run to completion). An
    // escalating step ends the run: its request moves on to the second model.
    let last = stepIndex;
    while (last + 1 < stepCount && cascadePhase[request] === 0) {
      if (primaryComponent[last + 1] !== at || batcherOfStep[last + 1] >= 0) break;
      last++;
      // Stryker disable next-line ConditionalExpression: validation holds a step's cache on the way from the step before, here this same component, so for a step with a cache the test is always true; as true for a step without one (component -1), the branch only draws from that step's cache stream, which nothing else reads, against a hit rate of 0.
      if (cacheComponent[last] === at) {
        cacheChecked[request] = last;
        // Stryker disable next-line EqualityOperator: <= for < differs only when a draw equals the hit rate exactly, a chance of 2^-53 a draw (>= instead fails the cache tests).
        if (cacheRandom[last].next() < cacheHitRate[last]) {
          stepStats[last][4]++;
          accuracy[request] *= primaryAccuracy[last];
          continue;
        }
      }
      const next = steps[last].primary;
      const nextSampler = next.tierServices ? next.tierServices[tierOfUser[at][user]] : next.service;
      const more = nextSampler.sample(serviceRandom[last]);
      service += more;
      stepStats[last][0]++;
      stepStats[last][1] += more;
      if (!escalates(request, last)) accuracy[request] *= primaryAccuracy[last];
    }
    const start = admitAt(componentBase[at], componentShared[at] === 1, ownOf[request], time, service);
    queueMs[request] += start - time;
    computeMs[request] += service;
    stepOf[request] = last;
    queue.push(start + service, request * 2 + KIND_COMPUTE_DONE);
  };

  // The request's next hop from `at` towards `target`, for `waitingStep` (-1 for the sink).
  // False when a link on the way is down and the request goes on another way from where it is.
  const crossLink = (request: number, at: number, target: number, waitingStep: number): boolean => {
    const time = clock.now;
    const way = at * componentCount + target;
    const hopLink = firstHopLink[way];
    const shared = linkShared[hopLink] === 1;
    if (linkMayGoDown[hopLink] === 1 && outages[hopLink].isDown(shared ? 0 : userOf[request], time)) {
      if (cascadePhase[request] === SECOND_MODEL) {
        keepFirstAnswer(request);
        return false;
      }
      const stepPlan = waitingStep >= 0 ? steps[waitingStep] : undefined;
      const bit = 1 << waitingStep;
      if (stepPlan?.fallback !== undefined && (fallbackMask[request] & bit) === 0) {
        fallbackMask[request] |= bit;
        return false;
      }
      failedOn[hopLink]++;
      finish(request, false);
      return true;
    }
    const to = firstHopTo[way];
    const kb = payloadKb[request];
    const serialisation = (kb * 8) / linkMbps[hopLink];
    const start = admitAt(linkBase[hopLink * 2 + firstHopDirection[way]], shared, ownOf[request], time, serialisation);
    const latency = linkLatency[hopLink].sample(latencyRandom[hopLink]);
    queueMs[request] += start - time;
    networkMs[request] += serialisation + latency;
    linkKb[hopLink] += kb;
    const produced = stepOf[request] - 1;
    if (produced >= 0 && personalOutput[produced] && componentShared[at] === 0 && componentShared[to] === 1) {
      sums.personalKb += kb;
    }
    hopTarget[request] = to;
    queue.push(start + serialisation + latency, request * 2 + KIND_HOP_DONE);
    return true;
  };

  // Moves a request on from where it is at `time` until it waits for an event. Each kind of
  // move is a function of its own, so that V8 compiles each apart: a path that a later option
  // takes for the first time then recompiles only its own function, not all of them.
  const advance = (request: number) => {
    for (;;) {
      const at = location[request];
      const stepIndex = stepOf[request];
      let target: number;
      let waitingStep = -1;
      if (stepIndex === stepCount) {
        if (at === sink) {
          finish(request, true);
          return;
        }
        target = sink;
      } else if (cascadePhase[request] === SECOND_MODEL) {
        target = steps[stepIndex].cascade!.placement.component;
        if (target === at) {
          runSecondModel(request, stepIndex, at);
          return;
        }
      } else {
        if (cacheComponent[stepIndex] === at && cacheChecked[request] !== stepIndex) {
          cacheChecked[request] = stepIndex;
          // Stryker disable next-line EqualityOperator: <= for < differs only when a draw equals the hit rate exactly, a chance of 2^-53 a draw (>= instead fails the cache tests).
          if (cacheRandom[stepIndex].next() < cacheHitRate[stepIndex]) {
            stepStats[stepIndex][4]++;
            accuracy[request] *= primaryAccuracy[stepIndex];
            payloadKb[request] = outputKb[stepIndex];
            stepOf[request] = stepIndex + 1;
            continue;
          }
        }
        const stepPlan = steps[stepIndex];
        const useFallback = (fallbackMask[request] & (1 << stepIndex)) !== 0;
        const placement = useFallback ? stepPlan.fallback! : stepPlan.primary;
        target = placement.component;
        waitingStep = stepIndex;
        if (target === at && !useFallback && batcherOfStep[stepIndex] >= 0) {
          const batcher = batcherOfStep[stepIndex];
          const wakeAt = batchers[batcher].join(request, clock.now);
          if (!Number.isNaN(wakeAt)) wakeBatcher(batcher, wakeAt);
          return;
        }
        if (target === at) {
          runSteps(request, stepIndex, placement, useFallback);
          return;
        }
      }
      if (crossLink(request, at, target, waitingStep)) return;
    }
  };

  // Arrivals stop after `total` requests (requests mode) or at the end of the span (duration
  // mode), where a load profile thins the busiest hour's Poisson stream hour by hour.
  // The next arrival waits beside the event list, not in it (see runEvents).
  let arrivalsOpen = true;
  const scheduleArrival = () => {
    sums.nextArrival = Number.POSITIVE_INFINITY;
    if (arrived >= total) {
      arrivalsOpen = false;
      return;
    }
    let time: number;
    if (periodic) {
      const round = Math.floor(arrived / users);
      time = phases[phaseOrder[arrived % users]] + round * perUserGapMs;
    } else {
      time = sums.lastArrival;
      for (;;) {
        time += arrivalRandom.exponential(aggregateGapMs);
        if (!hourlyAcceptance || time >= durationMs) break;
        if (arrivalRandom.next() < hourlyAcceptance[Math.floor(time / 3_600_000) % 24]) break;
      }
    }
    if (time >= durationMs) {
      arrivalsOpen = false;
      return;
    }
    sums.nextArrival = time;
  };

  // The background's regime: set at 0, then changed (while requests arrive) when it next changes.
  const applyRegime = (time: number) => {
    const next = regimes!.apply(time, wakeBatcher);
    if (next < durationMs) queue.push(next, EVENT_REGIME);
  };
  if (regimes) applyRegime(0);
  // A run that stays at one station needs no event list; the loop below then finds none.
  const station = singleStation(system, plan, set);
  if (station) {
    const run = runSingleStation({
      station,
      plan,
      serviceRandom,
      arrivalRandom,
      gapMs: aggregateGapMs,
      arrivals: total,
      durationMs,
      warmup,
      latencies,
      stepStats,
    });
    arrived = run.arrived;
    sums.lastArrival = run.lastArrival;
    sums.accuracy = run.accuracySum;
    completed = arrived;
    measuredCompleted = Math.max(0, arrived - warmup);
    sums.queueMs = run.queueMs;
    sums.computeMs = run.computeMs;
  } else scheduleArrival();
  // An autoscaler decides at most MAX_AUTOSCALER_DECISIONS times over the run's expected span.
  const decisionMs = Array.from(autoscalers, (entry) =>
    Math.max(entry.intervalMs, (horizonS * 1000) / MAX_AUTOSCALER_DECISIONS),
  );
  autoscalers.forEach((_entry, index) => queue.push(decisionMs[index], -3 - index));
  const nominalLinks = plan.nominalLinks;
  // The background's regime changing, an autoscaler's tick or a batcher's wake-up.
  const controlEvent = (payload: number) => {
    const time = clock.now;
    if (payload === EVENT_REGIME) {
      if (arrivalsOpen) applyRegime(time);
      return;
    }
    const index = -3 - payload;
    if (index < autoscalerEvents) {
      const entry = autoscalers[index];
      // Background work admitted by now counts in the interval that ends now.
      if (arrivalsOpen) entry.station.catchUp(time);
      entry.autoscaler.tick(time);
      // The autoscaler keeps watching while requests still arrive.
      if (arrivalsOpen) queue.push(time + decisionMs[index], payload);
    } else batchers[index - autoscalerEvents].wake(time);
  };
  const arrive = () => {
    const time = clock.now;
    const index = arrived++;
    sums.lastArrival = time;
    const user = periodic ? phaseOrder[index % users] : users === 1 ? 0 : userRandom.nextInt(users);
    const request = takeSlot(index, time, user);
    for (let position = 0; position < nominalLinks.length; position++) {
      const linkIndex = nominalLinks[position];
      if (linkMayGoDown[linkIndex] === 1 && outages[linkIndex].isDown(linkShared[linkIndex] === 1 ? 0 : user, time)) {
        offline[request] = 1;
        break;
      }
    }
    scheduleArrival();
    advance(request);
  };
  // A request's compute or hop done.
  const requestEvent = (payload: number) => {
    const request = payload >> 1;
    if ((payload & 1) === KIND_COMPUTE_DONE) {
      const stepIndex = stepOf[request];
      if (cascadePhase[request] === ESCALATING) {
        // The first answer is in: the step's input now goes on to the second model.
        cascadePhase[request] = SECOND_MODEL;
        payloadKb[request] = inputKb[stepIndex];
      } else {
        cascadePhase[request] = 0;
        payloadKb[request] = outputKb[stepIndex];
        stepOf[request] = stepIndex + 1;
      }
    } else {
      location[request] = hopTarget[request];
    }
    advance(request);
  };
  // Takes up to EVENTS_PER_CALL events; false once none is left. A loop that runs a whole run in
  // one call is compiled while it runs (on-stack replacement), again for every run after a
  // deoptimisation; short calls get the loop compiled as a function, once for all runs.
  const runEvents = (): boolean => {
    // Stryker disable next-line EqualityOperator: <= takes one event more per call, which changes how the run is cut into calls, never which events it takes or their order.
    for (let events = 0; events < EVENTS_PER_CALL; events++) {
      // The next arrival is kept beside the event list: one is always due, a short gap ahead, and
      // in the heap it would sift up to near the root at every arrival and leave from there soon
      // after (6% of a Monte Carlo sample's CPU). Tie rule: at equal times the list's events go
      // first, then the arrival (a request that arrives as another leaves finds it gone).
      const arrival = sums.nextArrival;
      if (queue.size === 0 || arrival < queue.peekTime()) {
        if (arrival === Number.POSITIVE_INFINITY) return false;
        clock.now = arrival;
        arrive();
        continue;
      }
      clock.now = queue.peekTime();
      const payload = queue.peekPayload();
      queue.pop();
      if (payload >= 0) requestEvent(payload);
      else controlEvent(payload);
    }
    return true;
  };
  while (runEvents());
  // The next run takes the arrays and frees every slot as it starts; the event list is empty.
  keepSpareSlots(arrays);
  if (queue.capacity <= MAX_KEPT_EVENTS) spareQueue = queue;

  const measured = Math.max(0, arrived - warmup);
  // The users with stations of their own and their numbers, in user order.
  const { users: usersInOrder, numbers: inUserOrder } = ownNumbers.release(own.users);
  // Busy time of a shared station, or summed over the users' own in user order (the users who
  // never sent a request have none, and adding their zeros would change no bit of the sum).
  const ownBusyMs = own.busyTimesOf(inUserOrder);
  const busyTime = (base: number, shared: boolean) => (shared ? stations[base].busyTime : ownBusyMs[base]);
  // Loops rather than typed arrays' from with a function, which V8 runs through the generic iteration protocol.
  const linkBusyMs = new Float64Array(linkBase.length);
  for (let index = 0; index < linkBase.length; index++) {
    linkBusyMs[index] = busyTime(linkBase[index], linkShared[index >> 1] === 1);
  }
  const componentBusyMs = new Float64Array(components.length);
  for (let index = 0; index < components.length; index++) {
    componentBusyMs[index] = busyTime(componentBase[index], componentShared[index] === 1);
  }
  const downShare = new Float64Array(outages.length);
  for (let index = 0; index < outages.length; index++) downShare[index] = outages[index].downShare;

  const tierRuns = components.flatMap((component, index) => {
    if (!component.tiers) return [];
    const busyMs = new Float64Array(component.tiers.length);
    usersInOrder.forEach((user, position) => {
      busyMs[tierOfUser[index][user]] += own.busyTime(componentBase[index], [inUserOrder[position]]);
    });
    return [{ component: index, tierOfUser: tierOfUser[index], busyMs }];
  });
  own.release();

  return {
    measured,
    detailedUsers: users,
    usersWithStations: own.users,
    personalKb: sums.personalKb,
    tiers: tierRuns,
    ...(measuredUsers ? { measuredUsers: measuredUsers.subarray(0, measured) } : {}),
    latencies: latencies.subarray(0, measured),
    completed,
    measuredCompleted,
    failed,
    queueMs: sums.queueMs,
    computeMs: sums.computeMs,
    networkMs: sums.networkMs,
    stepStats,
    cascadeStats,
    offlineRequests,
    offlineCompleted,
    offlineFallback,
    fallbackRequests,
    accuracySum: sums.accuracy,
    failedOn,
    downShare,
    linkKb,
    linkBusyMs,
    componentBusyMs,
    simulatedRequests: arrived,
    spanMs: sums.lastArrival,
    autoscaling: Array.from(autoscalers, ({ component, autoscaler }, index) => ({
      intervalMs: decisionMs[index],
      component,
      meanReplicas: autoscaler.meanReplicas(sums.lastArrival),
      timeline: autoscaler.timeline,
    })),
    serverless: Array.from(set.serverless, ({ component, instances }) => ({
      component,
      invocations: instances.jobs,
      coldStarts: instances.coldStarts,
      billedMs: instances.billedMs,
    })),
    batching: Array.from(batchers, (batcher, index) => ({
      step: batcherOfStep.indexOf(index),
      batches: batcher.batches,
      meanSize: batcher.batches > 0 ? batcher.batchedRequests / batcher.batches : 0,
    })),
  };
}
