// A station of c identical servers with one first-come-first-served queue: a component's
// executors, or one direction of a link (c = 1, the serialisation of messages).
//
// Because service is FIFO and a job's service time is drawn when it arrives, the station needs
// no queue and no events of its own: by the Kiefer-Wolfowitz recursion a job arriving at t
// starts at max(t, earliest time a server frees up) and leaves after its service. The engine
// calls `admit` at the arrival event, in time order, and schedules one event for the departure.
//
// Background load (the users not simulated in detail) comes from a BackgroundLoad.
import type { BackgroundLoad } from './background-load';

export class FifoServers {
  /** Min-heap of the times at which each server becomes free; `servers` entries are in use. */
  private freeAt: Float64Array;
  /**
   * Once the station has been resized: beside each freeAt entry, when that server's cold start
   * ends (its only idle gap still to come), so that the work not yet done is known (workDoneBy).
   */
  private readyAt?: Float64Array;
  /** [ready at, free at] of servers removed while work was still assigned to them. */
  private retired: [number, number][] = [];
  /** Total service time given, for utilisation. */
  busyTime = 0;
  /** Jobs admitted, background included. */
  jobs = 0;

  constructor(
    public servers: number,
    private readonly background?: BackgroundLoad,
  ) {
    this.freeAt = new Float64Array(servers);
  }

  /**
   * Changes the number of servers at `time` (autoscaling). New servers take work once `readyAt`
   * has passed (a replica's cold start); removed servers are those that would free up last, so
   * the jobs already admitted keep their times and no new job lands on them.
   */
  resize(servers: number, readyAt: number): void {
    // Stryker disable next-line ConditionalExpression: a shortcut; resizing to the same count rebuilds the same servers.
    if (servers === this.servers) return;
    const current = Array.from(this.freeAt.subarray(0, this.servers), (free, index): [number, number] => [
      this.readyAt?.[index] ?? 0,
      free,
    ]);
    while (current.length < servers) current.push([readyAt, readyAt]);
    // A sorted array is a valid min-heap.
    current.sort((a, b) => a[1] - b[1]);
    this.retired.push(...current.splice(servers));
    // Stryker disable next-line ConditionalExpression,EqualityOperator: growing also when the array is exactly full, or always, only allocates earlier or more; every entry in use is written below.
    if (this.freeAt.length < servers) this.freeAt = new Float64Array(servers * 2);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a new array of the same length, or at every resize, is as good; every entry in use is written below.
    if (!this.readyAt || this.readyAt.length < this.freeAt.length) this.readyAt = new Float64Array(this.freeAt.length);
    current.forEach(([ready, free], index) => {
      this.freeAt[index] = free;
      this.readyAt![index] = ready;
    });
    this.servers = servers;
  }

  /**
   * Service time given by `time`: the work admitted less the work still to do, which after
   * `time` keeps each server busy until it frees up, but for a cold start still to finish.
   */
  workDoneBy(time: number): number {
    let remaining = 0;
    for (let index = 0; index < this.servers; index++) {
      remaining += Math.max(0, this.freeAt[index] - Math.max(time, this.readyAt?.[index] ?? 0));
    }
    // Stryker disable next-line EqualityOperator: a retired server free exactly at `time` has no work left (free - max(time, ready) = 0), kept or not.
    this.retired = this.retired.filter(([, free]) => free > time);
    for (const [ready, free] of this.retired) remaining += free - Math.max(time, ready);
    return this.busyTime - remaining;
  }

  /** Admits a detailed job, first admitting the background jobs that arrived since the previous one. */
  admitWithBackground(arrival: number, service: number): number {
    this.background!.admitUntil(arrival, this);
    return this.admit(arrival, service);
  }

  catchUp(time: number): void {
    this.background?.admitUntil(time, this);
  }

  /** Admits a job arriving at `arrival`; returns the time its service starts. Its service ends `service` later. */
  admit(arrival: number, service: number): number {
    this.jobs++;
    this.busyTime += service;
    const freeAt = this.freeAt;
    const start = Math.max(freeAt[0], arrival);
    const end = start + service;
    // Stryker disable next-line ConditionalExpression: a shortcut; for one server the sift below ends at the root, with the same result.
    if (this.servers === 1) {
      freeAt[0] = end;
      return start;
    }
    // Replace the root (the server this job takes) and sift down, its ready time with it.
    const readyAt = this.readyAt;
    const count = this.servers;
    let index = 0;
    if (readyAt === undefined) {
      // Never resized (most stations): no ready times to move, and a loop without them.
      for (let child = 1; child < count; child = 2 * index + 1) {
        if (child + 1 < count && freeAt[child + 1] < freeAt[child]) child++;
        // Stryker disable next-line EqualityOperator: sifting past a server free at the same time only swaps two free times, the same servers.
        if (freeAt[child] >= end) break;
        freeAt[index] = freeAt[child];
        index = child;
      }
      freeAt[index] = end;
      return start;
    }
    const rootReady = readyAt[0];
    for (;;) {
      let child = 2 * index + 1;
      if (child >= count) break;
      if (child + 1 < count && freeAt[child + 1] < freeAt[child]) child++;
      // Stryker disable next-line EqualityOperator: sifting past a server free at the same time only swaps two [ready, free] pairs, which move together: the same servers.
      if (freeAt[child] >= end) break;
      freeAt[index] = freeAt[child];
      readyAt[index] = readyAt[child];
      index = child;
    }
    freeAt[index] = end;
    readyAt[index] = rootReady;
    return start;
  }
}
