// The autoscaler of a shared component, after Kubernetes' Horizontal Pod Autoscaler: every
// interval it looks at the average utilisation over the last interval and sets
// replicas = ceil(replicas x utilisation / target), clamped to [min, max], unless utilisation
// is within 10% of the target (the HPA's default tolerance, which keeps it from flapping on
// noise). New replicas take work after a cold start.
//
// Utilisation is measured one of two ways. `admitted` (the default): the work that arrived in
// the interval over the capacity, which exceeds 100% when work queues up, so one decision jumps
// to the replicas the load needs. `busy`: the time the executors spent working in the interval
// over the capacity, at most 100%, as Kubernetes measures CPU: under overload it grows replicas
// by at most 1 / target per interval.
import type { RandomStream } from '../random/random-stream';
import type { Sampler } from '../random/sampler';
import type { FifoServers } from './fifo-servers';

const TOLERANCE = 0.1;

/** The replicas an autoscaler settles on when `busyExecutors` executors' worth of work arrives. */
export function settledReplicas(
  scaling: { min: number; max: number; targetUtilization: number },
  coresPerReplica: number,
  busyExecutors: number,
): number {
  const needed = Math.ceil(busyExecutors / (scaling.targetUtilization * coresPerReplica) - 1e-9);
  return Math.min(scaling.max, Math.max(scaling.min, needed));
}

export type UtilizationMetric = 'admitted' | 'busy';

export interface AutoscalerSettings {
  metric: UtilizationMetric;
  min: number;
  max: number;
  targetUtilization: number;
  intervalMs: number;
  coldStart: Sampler;
  coresPerReplica: number;
}

export class Autoscaler {
  replicas: number;
  private workAtLastTick = 0;
  private lastTick = 0;
  /** Replica-milliseconds so far, for cost. */
  private replicaMs = 0;
  /** [time in s, replicas] at the start and at every change. */
  readonly timeline: [number, number][];

  /** `initialReplicas`: where the run starts, usually where the autoscaler settles at the starting load. */
  constructor(
    private readonly station: FifoServers,
    private readonly settings: AutoscalerSettings,
    private readonly random: RandomStream,
    initialReplicas: number,
  ) {
    this.replicas = initialReplicas;
    this.timeline = [[0, this.replicas]];
  }

  /** Runs one autoscaling decision at `time`; the caller schedules the next at time + interval. */
  tick(time: number): void {
    const { metric, min, max, targetUtilization, coresPerReplica, coldStart } = this.settings;
    const elapsed = time - this.lastTick;
    const work = metric === 'busy' ? this.station.workDoneBy(time) : this.station.busyTime;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the engine ticks every intervalMs > 0 from time 0, so no time elapsed never happens; the guard keeps a 0 / 0 out.
    const share = elapsed > 0 ? (work - this.workAtLastTick) / (this.replicas * coresPerReplica * elapsed) : 0;
    const utilization = metric === 'busy' ? Math.min(1, share) : share;
    this.replicaMs += this.replicas * elapsed;
    this.workAtLastTick = work;
    this.lastTick = time;
    const ratio = utilization / targetUtilization;
    // Stryker disable next-line EqualityOperator: no ratio of doubles is exactly 10% from 1 (1 +- 0.1 is not a double, and |ratio - 1| is exact near 1), so < and <= agree.
    if (Math.abs(ratio - 1) <= TOLERANCE) return;
    const desired = Math.min(max, Math.max(min, Math.ceil(this.replicas * ratio - 1e-9)));
    if (desired === this.replicas) return;
    this.station.resize(desired * coresPerReplica, time + coldStart.sample(this.random));
    this.replicas = desired;
    this.timeline.push([time / 1000, desired]);
  }

  /** Mean replicas over [0, time]. */
  meanReplicas(time: number): number {
    const total = this.replicaMs + this.replicas * (time - this.lastTick);
    return time > 0 ? total / time : this.replicas;
  }
}
