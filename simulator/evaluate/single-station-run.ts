// The run of an option whose requests never leave one station: every step runs on the shared
// component where requests start and end, a fixed pool of executors (no autoscaling, serverless
// or batching) that no background users load, with no cache, cascade or fallback, Poisson
// arrivals at a constant rate, and no per-user device or link anywhere (so that a request's user
// matters nowhere). That is an open FIFO queue with c servers: a request's start is known the
// moment it arrives (the Kiefer-Wolfowitz recursion, fifo-servers.ts), so the run needs no event
// list, and it is the event loop's run (simulate-option.ts) draw for draw: the same arrivals,
// service times, starts, latencies, step figures and busy times, bit for bit.
//
// One difference, in the last bits: the sums of queue and compute time over the measured
// requests are added in arrival order here and in departure order there (floating-point addition
// is not associative), so the breakdown's means can differ by a few units in the last place (a
// relative 1e-15 or less, far inside any interval). Each order is fixed, so a seed still gives
// the same JSON byte for byte. single-station-run.test.ts checks both against each other.
import { FifoServers } from '../engine/fifo-servers';
import type { RandomStream } from '../random/random-stream';
import type { Sampler } from '../random/sampler';
import type { OptionPlan } from './option-plan';
import type { StationSet } from './station-set';
import type { SystemModel } from './system-model';

/** The station every request of the option stays at, when the option is such a run; else undefined. */
export function singleStation(system: SystemModel, plan: OptionPlan, set: StationSet): FifoServers | undefined {
  const at = system.source;
  const eligible =
    at === system.sink &&
    system.users === set.detailedUsers &&
    // No per-user component or link at all (each has a station in every user's own set), so the
    // station is shared and no device population (a per-user component's) is anywhere.
    set.own.stations === 0 &&
    set.autoscalers.length === 0 &&
    system.hourlyAcceptance === undefined &&
    system.scenario.workload.arrivals !== 'periodic' &&
    plan.steps.every(
      (stepPlan, step) =>
        stepPlan.primary.component === at &&
        stepPlan.fallback === undefined &&
        stepPlan.cache === undefined &&
        stepPlan.cascade === undefined &&
        set.batcherOfStep[step] < 0,
    );
  const station = set.stations[set.componentBase[at]];
  return eligible && station instanceof FifoServers ? station : undefined;
}

export interface SingleStationInput {
  station: FifoServers;
  plan: OptionPlan;
  /** Per step, the stream of its service times. */
  serviceRandom: readonly RandomStream[];
  arrivalRandom: RandomStream;
  /** Mean gap between two arrivals. */
  gapMs: number;
  /** Arrivals at most, and the end of their span (Infinity in requests mode). */
  arrivals: number;
  durationMs: number;
  warmup: number;
  /** Filled in: the latency of each measured request, in arrival order. */
  latencies: Float64Array;
  /** Filled in: per step, its runs and the sum of its service times (indices 0 and 1). */
  stepStats: readonly Float64Array[];
}

export interface SingleStationRun {
  arrived: number;
  lastArrival: number;
  /** Sums over the measured requests, in arrival order. */
  queueMs: number;
  computeMs: number;
  /** Sum over all requests of the product of the accuracies of the models that served them. */
  accuracySum: number;
}

export function runSingleStation(input: SingleStationInput): SingleStationRun {
  const run = new SingleStationQueue(input);
  while (run.serve());
  const { arrived, lastArrival, queueMs, computeMs, accuracySum } = run;
  return { arrived, lastArrival, queueMs, computeMs, accuracySum };
}

// Arrivals per call of `serve`. A loop that runs long in one call is compiled while it runs (on-
// stack replacement), and V8 then keeps its running sums boxed, allocating for every request;
// many short calls get the function compiled whole, with the sums unboxed.
const ARRIVALS_PER_CALL = 256;

class SingleStationQueue implements SingleStationRun {
  arrived = 0;
  lastArrival = 0;
  queueMs = 0;
  computeMs = 0;
  accuracySum = 0;
  private time = 0;
  private open = true;
  private readonly services: Sampler[];
  /** Every request is served by every step's model: the product of their accuracies is the same for all. */
  private readonly accuracy: number;

  constructor(private readonly input: SingleStationInput) {
    this.services = input.plan.steps.map((stepPlan) => stepPlan.primary.service);
    let accuracy = 1;
    for (const stepPlan of input.plan.steps)
      if (stepPlan.primary.model?.accuracy !== undefined) accuracy *= stepPlan.primary.model.accuracy;
    this.accuracy = accuracy;
  }

  /** Runs the next arrivals; false once no more come. */
  serve(): boolean {
    const { station, serviceRandom, arrivalRandom, gapMs, arrivals, durationMs, warmup, latencies, stepStats } =
      this.input;
    const services = this.services;
    const first = services[0];
    const firstRandom = serviceRandom[0];
    const firstStats = stepStats[0];
    const accuracy = this.accuracy;
    // Stryker disable next-line MethodExpression: the most arrivals one call runs, which changes how the work is cut into calls, never which arrivals run (serve stops once `arrivals` have come).
    const last = Math.min(arrivals, this.arrived + ARRIVALS_PER_CALL);
    let { arrived, time, lastArrival, queueMs, computeMs, accuracySum } = this;
    // The first step's figures are summed here and stored once a call: the same additions in the
    // same order as into the array, without its loads and stores (and their checks) per request.
    let firstRuns = firstStats[0];
    let firstServiceMs = firstStats[1];
    while (arrived < last) {
      time += arrivalRandom.exponential(gapMs);
      // Stryker disable next-line EqualityOperator: an exponential gap lands exactly on the end of the span with probability zero.
      if (time >= durationMs) {
        this.open = false;
        break;
      }
      lastArrival = time;
      // The steps run one after another on the executor the request waits for once (run to completion).
      let service = first.sample(firstRandom);
      firstRuns++;
      firstServiceMs += service;
      for (let step = 1; step < services.length; step++) {
        const more = services[step].sample(serviceRandom[step]);
        service += more;
        stepStats[step][0]++;
        stepStats[step][1] += more;
      }
      const start = station.admit(time, service);
      accuracySum += accuracy;
      // The warm-up's requests go through the same statements as the measured ones (statements
      // for measured requests only would be compiled without type feedback during the warm-up,
      // and undone when the first measured request came): their latencies go to the first slot,
      // which the first measured request then takes, and their sums are dropped as it comes.
      const measured = arrived++ - warmup;
      if (measured === 0) {
        queueMs = 0;
        computeMs = 0;
      }
      // Stryker disable next-line ConditionalExpression,EqualityOperator: slot 0 is the warm-up's scratch and then the first measured latency's; a negative index would write nothing, also leaving slot 0 to the first measured request.
      latencies[measured < 0 ? 0 : measured] = start + service - time;
      queueMs += start - time;
      computeMs += service;
    }
    firstStats[0] = firstRuns;
    firstStats[1] = firstServiceMs;
    this.arrived = arrived;
    this.time = time;
    this.lastArrival = lastArrival;
    this.queueMs = queueMs;
    this.computeMs = computeMs;
    this.accuracySum = accuracySum;
    return this.open && arrived < arrivals;
  }
}
