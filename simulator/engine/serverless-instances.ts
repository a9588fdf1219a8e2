// A serverless function: instances that each run one request at a time, created on demand up
// to a concurrency limit, kept warm for `keepWarmMs` after their last request. A request takes
// the most recently freed idle instance (warm if it was freed less than keepWarmMs ago, else the
// platform has reclaimed it and starts a new one cold); with no idle instance it starts a new
// instance (cold) while under the limit, and otherwise waits, first come first served, for the
// earliest busy instance (which is then warm). Like FifoServers, admission happens at the
// arrival event in time order, so the station needs no events of its own.
import type { RandomStream } from '../random/random-stream';
import type { BackgroundLoad } from './background-load';
import type { Sampler } from '../random/sampler';

export class ServerlessInstances {
  /** Min-heap of the times busy instances become free. */
  private busy: Float64Array;
  private busyCount = 0;
  /** Idle instances' free times, oldest first; the top is the most recently freed. */
  private idle: Float64Array;
  private idleCount = 0;
  busyTime = 0;
  jobs = 0;
  coldStarts = 0;
  /** Time billed: run time plus cold starts, for GB-second pricing. */
  billedMs = 0;

  constructor(
    readonly servers: number,
    private readonly keepWarmMs: number,
    private readonly coldStart: Sampler,
    private readonly coldStartRandom: RandomStream,
    private readonly background?: BackgroundLoad,
  ) {
    // Stryker disable next-line MethodExpression: the first capacity only; the arrays grow as needed.
    this.busy = new Float64Array(Math.min(servers, 1024));
    // Stryker disable next-line MethodExpression: the first capacity only; the arrays grow as needed.
    this.idle = new Float64Array(Math.min(servers, 1024));
  }

  /** Admits a request arriving at `arrival`; returns when it starts running (after any cold start). */
  admit(arrival: number, service: number): number {
    this.jobs++;
    this.busyTime += service;
    this.releaseFinished(arrival);
    let start: number;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with no idle instance, idle[-1] is undefined, the difference NaN, and NaN <= keepWarmMs false: the same branch.
    if (this.idleCount > 0 && arrival - this.idle[this.idleCount - 1] <= this.keepWarmMs) {
      this.idleCount--;
      start = arrival;
    } else {
      // Every idle instance is older than the keep-warm window: the platform has reclaimed them.
      this.idleCount = 0;
      if (this.busyCount < this.servers) {
        const cold = this.coldStart.sample(this.coldStartRandom);
        this.coldStarts++;
        this.billedMs += cold;
        start = arrival + cold;
      } else {
        start = this.popBusy();
      }
    }
    this.billedMs += service;
    this.pushBusy(start + service);
    return start;
  }

  /** Admits a detailed request, first admitting the background requests that arrived since the previous one. */
  admitWithBackground(arrival: number, service: number): number {
    this.background!.admitUntil(arrival, this);
    return this.admit(arrival, service);
  }

  catchUp(time: number): void {
    this.background?.admitUntil(time, this);
  }

  /** Moves instances that finished by `time` from busy to idle, in the order they finished. */
  private releaseFinished(time: number): void {
    while (this.busyCount > 0 && this.busy[0] <= time) {
      const freedAt = this.popBusy();
      if (this.idleCount === this.idle.length) this.idle = grow(this.idle);
      this.idle[this.idleCount++] = freedAt;
    }
  }

  private pushBusy(freeAt: number): void {
    if (this.busyCount === this.busy.length) this.busy = grow(this.busy);
    const heap = this.busy;
    let index = this.busyCount++;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      // Stryker disable next-line EqualityOperator: a heap of plain times; equal times are interchangeable.
      if (heap[parent] <= freeAt) break;
      heap[index] = heap[parent];
      index = parent;
    }
    heap[index] = freeAt;
  }

  private popBusy(): number {
    const heap = this.busy;
    const top = heap[0];
    const last = heap[--this.busyCount];
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      // Stryker disable next-line EqualityOperator: at child = busyCount it reads heap[busyCount], the time being sifted, and the test below breaks there all the same.
      if (child >= this.busyCount) break;
      // Stryker disable next-line EqualityOperator,ConditionalExpression,ArithmeticOperator: child + 1 <= busyCount (or no bound, or child - 1 < busyCount, always true below the guard) reads heap[busyCount], the time being sifted, which never moves it; equal times are interchangeable. (Both tests as false or the second as true are killed by the plain-list test.)
      if (child + 1 < this.busyCount && heap[child + 1] < heap[child]) child++;
      // Stryker disable next-line EqualityOperator: equal times are interchangeable.
      if (heap[child] >= last) break;
      heap[index] = heap[child];
      index = child;
    }
    heap[index] = last;
    return top;
  }
}

function grow(array: Float64Array): Float64Array {
  const larger = new Float64Array(array.length * 2);
  larger.set(array);
  return larger;
}
