// The engine's parts on their own, with times worked out by hand: the future-event list, a FIFO
// pool of servers, serverless instances, the autoscaler's decision rule and the batch curve.
import { describe, expect, it } from 'vitest';
import { Autoscaler, settledReplicas } from '../../../simulator/engine/autoscaler';
import { BackgroundBudget } from '../../../simulator/engine/background-budget';
import { BackgroundLoad } from '../../../simulator/engine/background-load';
import { batchFactor } from '../../../simulator/engine/batcher';
import { EventQueue } from '../../../simulator/engine/event-queue';
import { FifoServers } from '../../../simulator/engine/fifo-servers';
import { ServerlessInstances } from '../../../simulator/engine/serverless-instances';
import { RandomStream } from '../../../simulator/random/random-stream';
import { constantSampler } from '../../../simulator/random/sampler';

describe('the future-event list', () => {
  it('gives events back earliest first with their payloads, growing past its first capacity', () => {
    const queue = new EventQueue(4);
    const random = new RandomStream(1, 'event-queue');
    const events = Array.from({ length: 200 }, (_, payload) => ({ time: Math.floor(random.next() * 50), payload }));
    for (const { time, payload } of events) queue.push(time, payload);
    expect(queue.size).toBe(200);
    const taken: { time: number; payload: number }[] = [];
    while (queue.size > 0) {
      taken.push({ time: queue.peekTime(), payload: queue.peekPayload() });
      queue.pop();
    }
    expect(taken.map((event) => event.time)).toEqual(events.map((event) => event.time).sort((a, b) => a - b));
    // Every payload once, each with the time it was pushed with.
    expect(taken.map((event) => event.payload).sort((a, b) => a - b)).toEqual(events.map((event) => event.payload));
    for (const { time, payload } of taken) expect(time).toBe(events[payload].time);
  });

  it('lets events at the same time leave in the order of the textbook binary heap', () => {
    // The engine's results depend on the order of events at equal times (a batch's members, say),
    // so a faster pop must leave them in exactly the order the textbook sift-down gives.
    const reference = new TextbookHeap();
    const queue = new EventQueue(4);
    const random = new RandomStream(2, 'event-queue-ties');
    let payload = 0;
    for (let operation = 0; operation < 20_000; operation++) {
      if (queue.size > 0 && random.next() < 0.45) {
        expect(queue.peekTime()).toBe(reference.times[0]);
        expect(queue.peekPayload()).toBe(reference.payloads[0]);
        queue.pop();
        reference.pop();
      } else {
        // Few distinct times, so that most events tie with others.
        const time = Math.floor(random.next() * 8);
        queue.push(time, payload);
        reference.push(time, payload++);
      }
      expect(queue.size).toBe(reference.times.length);
    }
  });
});

/** The binary heap as textbooks write it (sift up on push, sift down on pop), on plain arrays. */
class TextbookHeap {
  times: number[] = [];
  payloads: number[] = [];

  push(time: number, payload: number): void {
    let index = this.times.length;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.times[parent] <= time) break;
      this.times[index] = this.times[parent];
      this.payloads[index] = this.payloads[parent];
      index = parent;
    }
    this.times[index] = time;
    this.payloads[index] = payload;
  }

  pop(): void {
    const time = this.times.pop()!;
    const payload = this.payloads.pop()!;
    const count = this.times.length;
    if (count === 0) return;
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= count) break;
      if (child + 1 < count && this.times[child + 1] < this.times[child]) child++;
      if (this.times[child] >= time) break;
      this.times[index] = this.times[child];
      this.payloads[index] = this.payloads[child];
      index = child;
    }
    this.times[index] = time;
    this.payloads[index] = payload;
  }
}

describe('a FIFO pool of servers', () => {
  it('starts each job when it arrives or when the earliest server frees up', () => {
    const pool = new FifoServers(2);
    expect(pool.admit(0, 10)).toBe(0);
    expect(pool.admit(1, 10)).toBe(1);
    expect(pool.admit(2, 5)).toBe(10); // the first server frees at 10
    expect(pool.admit(3, 1)).toBe(11); // the second at 11
    expect(pool.admit(30, 1)).toBe(30); // both idle again
    expect(pool.jobs).toBe(5);
    expect(pool.busyTime).toBe(27);
  });

  it('sends no job to a new server before its cold start ends', () => {
    const pool = new FifoServers(1);
    pool.admit(0, 100); // busy until 100
    pool.resize(3, 40); // two more, ready at 40
    expect(pool.admit(10, 5)).toBe(40);
    expect(pool.admit(11, 5)).toBe(40);
    expect(pool.admit(12, 5)).toBe(45);
    // Down to one: the server that frees last keeps its work, no new job lands on it.
    pool.resize(1, 0);
    expect(pool.admit(13, 1)).toBe(45);
  });

  it('schedules on a pool grown by resize as on one built at that size', () => {
    const pool = new FifoServers(1);
    pool.resize(2, 0); // ready at once
    expect(pool.admit(0, 10)).toBe(0);
    expect(pool.admit(0, 20)).toBe(0);
    expect(pool.admit(0, 5)).toBe(10); // both busy: the one that frees at 10
    expect(pool.admit(0, 1)).toBe(15);
  });
});

describe('the work a pool has done by a time', () => {
  it('leaves out a job waiting for a new server’s cold start, through later resizes', () => {
    const pool = new FifoServers(1);
    pool.resize(2, 20); // a new server, ready at 20
    pool.admit(0, 100); // the first server: [0, 100]
    pool.admit(1, 5); // the new one, after its cold start: [20, 25]
    expect(pool.workDoneBy(10)).toBe(10);
    pool.resize(3, 30); // one more, ready at 30: the others keep their cold starts
    expect(pool.workDoneBy(15)).toBe(15);
    expect(pool.workDoneBy(22)).toBe(22 + 2);
  });
});

describe('serverless instances', () => {
  it('start cold without a warm instance, wait at the concurrency limit, and bill cold starts', () => {
    // At most 2 instances, warm for 100 ms after their last request, 50 ms to start cold.
    const instances = new ServerlessInstances(2, 100, constantSampler(50), new RandomStream(1, 'cold'));
    expect(instances.admit(0, 10)).toBe(50); // cold, busy until 60
    expect(instances.admit(5, 10)).toBe(55); // a second, cold, busy until 65
    expect(instances.admit(6, 10)).toBe(60); // at the limit: waits for the first, warm, until 70
    expect(instances.admit(75, 10)).toBe(75); // the instance freed at 70 is warm
    expect(instances.admit(300, 10)).toBe(350); // all idle for over 100 ms: reclaimed, cold again
    expect(instances.jobs).toBe(5);
    expect(instances.coldStarts).toBe(3);
    expect(instances.billedMs).toBe(5 * 10 + 3 * 50);
    expect(instances.busyTime).toBe(50);
  });

  it('at the limit wait for the instance that frees first, not the one that started first', () => {
    const instances = new ServerlessInstances(2, 1000, constantSampler(0), new RandomStream(1, 'cold'));
    instances.admit(0, 100); // busy until 100
    instances.admit(1, 10); // busy until 11
    expect(instances.admit(5, 1)).toBe(11);
    expect(instances.admit(6, 1)).toBe(12); // the same instance again, free at 12 before the other at 100
  });

  it('start every request as a plain list of instances would, over many overlapping requests', () => {
    // The rule of serverless-instances.ts on sorted arrays instead of heaps: finished instances
    // go idle in the order they finished; the most recently freed idle one is taken while warm,
    // else all idle ones are reclaimed and a new one starts cold under the limit, or the request
    // waits for the busy instance that frees first.
    const [limit, keepWarm, cold] = [5, 30, 7];
    const busy: number[] = [];
    let idle: number[] = [];
    const reference = (arrival: number, service: number) => {
      busy.sort((a, b) => a - b);
      while (busy.length > 0 && busy[0] <= arrival) idle.push(busy.shift()!);
      let start: number;
      if (idle.length > 0 && arrival - idle.at(-1)! <= keepWarm) {
        idle.pop();
        start = arrival;
      } else {
        idle = [];
        start = busy.length < limit ? arrival + cold : busy.shift()!;
      }
      busy.push(start + service);
      return start;
    };
    const random = new RandomStream(5, 'requests');
    const instances = new ServerlessInstances(limit, keepWarm, constantSampler(cold), new RandomStream(1, 'cold'));
    let arrival = 0;
    for (let request = 0; request < 2000; request++) {
      arrival += random.exponential(4);
      const service = random.exponential(15);
      expect(instances.admit(arrival, service), `request ${request}`).toBe(reference(arrival, service));
    }
  });

  it('take the most recently freed idle instance', () => {
    const instances = new ServerlessInstances(3, 100, constantSampler(0), new RandomStream(1, 'cold'));
    instances.admit(0, 10); // free at 10
    instances.admit(0, 50); // free at 50
    // At 120 the one freed at 10 is past its keep-warm, the one freed at 50 is not.
    expect(instances.admit(120, 1)).toBe(120);
    expect(instances.coldStarts).toBe(2);
  });

  it('keep an instance warm for exactly keep_warm_s after it frees, and count one freed at the arrival as idle', () => {
    const instances = new ServerlessInstances(2, 100, constantSampler(0), new RandomStream(1, 'cold'));
    instances.admit(0, 10); // cold, free at 10
    expect(instances.admit(10, 5)).toBe(10); // the instance freed at 10 is idle at 10: warm, free at 15
    expect(instances.coldStarts).toBe(1);
    expect(instances.admit(115, 1)).toBe(115); // freed 100 ms ago, the edge of keep-warm: still warm
    expect(instances.coldStarts).toBe(1);
    expect(instances.admit(216.5, 1)).toBe(216.5); // freed 100.5 ms ago: reclaimed, cold
    expect(instances.coldStarts).toBe(2);
  });

  it('hold more than their first capacity of idle instances', () => {
    // 1,500 at once (past the 1,024 the arrays start with), all idle from 10 ms, all warm at 20 ms.
    const instances = new ServerlessInstances(2000, 100, constantSampler(7), new RandomStream(1, 'cold'));
    for (let request = 0; request < 1500; request++) expect(instances.admit(0, 3)).toBe(7);
    for (let request = 0; request < 1500; request++) expect(instances.admit(20, 1)).toBe(20);
    expect(instances.coldStarts).toBe(1500);
    expect(instances.admit(20, 1)).toBe(27); // the 1,501st is cold
  });

  it('catch up with the background that arrived before a change of its rate, and without one have none', () => {
    const load = new BackgroundLoad(new RandomStream(1, 'background'), new BackgroundBudget(1e6));
    const instances = new ServerlessInstances(1000, 1e9, constantSampler(0), new RandomStream(1, 'cold'), load);
    load.setRate(1, constantSampler(1)); // one job a millisecond: a Poisson count of mean 100 by 100 ms
    instances.catchUp(100);
    const caughtUp = instances.jobs;
    expect(caughtUp).toBeGreaterThan(0); // P(none) = e^-100
    load.setRate(0, undefined); // then none: only the detailed request follows
    instances.admitWithBackground(200, 1);
    expect(instances.jobs).toBe(caughtUp + 1);
    const alone = new ServerlessInstances(1, 100, constantSampler(0), new RandomStream(1, 'cold'));
    alone.catchUp(100);
    expect(alone.jobs).toBe(0);
  });
});

describe('the autoscaler', () => {
  const settings = (overrides: Partial<ConstructorParameters<typeof Autoscaler>[1]> = {}) => ({
    metric: 'admitted' as const,
    min: 1,
    max: 6,
    targetUtilization: 0.5,
    intervalMs: 1000,
    coldStart: constantSampler(0),
    coresPerReplica: 1,
    ...overrides,
  });

  it('settles where the work meets the target, within min and max', () => {
    // 2 executors of work at 50% of 1-core replicas: exactly 4, not 5 from rounding.
    expect(settledReplicas({ min: 1, max: 10, targetUtilization: 0.5 }, 1, 2)).toBe(4);
    expect(settledReplicas({ min: 1, max: 10, targetUtilization: 0.5 }, 2, 2.1)).toBe(3);
    expect(settledReplicas({ min: 1, max: 3, targetUtilization: 0.5 }, 1, 2)).toBe(3);
    expect(settledReplicas({ min: 2, max: 10, targetUtilization: 0.5 }, 1, 0)).toBe(2);
  });

  it('scales by utilisation over target, leaves it within 10% alone, and clamps to min and max', () => {
    const station = new FifoServers(2);
    const autoscaler = new Autoscaler(station, settings(), new RandomStream(1, 'scaling'), 2);
    // 1.05 s of work in 1 s on 2 replicas: 52.5%, 1.05 times the target: within tolerance.
    station.admit(0, 1050);
    autoscaler.tick(1000);
    expect(autoscaler.replicas).toBe(2);
    // 3 s of work: 150%, three times the target: 6 replicas.
    station.admit(1000, 3000);
    autoscaler.tick(2000);
    expect(autoscaler.replicas).toBe(6);
    expect(station.servers).toBe(6);
    // 12 s of work on 6: 200%, four times the target, but at most 6.
    station.admit(2000, 12_000);
    autoscaler.tick(3000);
    expect(autoscaler.replicas).toBe(6);
    // Nothing: down to the minimum.
    autoscaler.tick(4000);
    expect(autoscaler.replicas).toBe(1);
    expect(autoscaler.timeline).toEqual([
      [0, 2],
      [2, 6],
      [4, 1],
    ]);
    // Replica-seconds: 2 for 2 s, 6 for 2 s, then 1 for 1 s, over 5 s.
    expect(autoscaler.meanReplicas(5000)).toBeCloseTo((2 * 2 + 6 * 2 + 1 * 1) / 5, 12);
  });

  /** An autoscaler reading busy time over `replicas` one-core replicas, and its station. */
  const readingBusy = (replicas: number) => {
    const station = new FifoServers(replicas);
    const scaling = settings({ metric: 'busy' });
    return { station, autoscaler: new Autoscaler(station, scaling, new RandomStream(1, 'scaling'), replicas) };
  };

  it('reading busy time counts at most 100%', () => {
    const { station, autoscaler } = readingBusy(1);
    station.admit(0, 10_000); // far more than the interval can serve
    autoscaler.tick(1000);
    expect(autoscaler.replicas).toBe(2);
  });

  it('reading busy time counts at most 100% also while removed replicas finish their work', () => {
    // 4 replicas each take a 10 s job just before the tick at 1 s, which reads 0.1% and scales down
    // to 1; the 3 removed replicas keep working. By 2 s all four did 1 s of work on 1 replica's
    // capacity: 400%, counted as 100%, twice the target: 2 replicas (not 8).
    const { station, autoscaler } = readingBusy(4);
    for (let job = 0; job < 4; job++) station.admit(999, 10_000);
    autoscaler.tick(1000);
    expect(autoscaler.replicas).toBe(1);
    autoscaler.tick(2000);
    expect(autoscaler.replicas).toBe(2);
  });

  it('reading busy time below 100% scales down as admitted work does', () => {
    // 0.4 s of work in 1 s on 2 replicas: 20%, 0.4 times the 50% target: ceil(0.8) = 1 replica.
    const { station, autoscaler } = readingBusy(2);
    station.admit(0, 400);
    autoscaler.tick(1000);
    expect(autoscaler.replicas).toBe(1);
  });

  it('reading busy time counts the work done, not the work admitted', () => {
    // 1.5 s of work admitted at 0 on one of 2 replicas: by 1 s, 1 s of it is done (50%, the
    // target: no change; admitted work would read 75%, 3 replicas); by 2 s the other 0.5 s
    // (25%: half the target, 1 replica).
    const { station, autoscaler } = readingBusy(2);
    station.admit(0, 1500);
    autoscaler.tick(1000);
    expect(autoscaler.replicas).toBe(2);
    autoscaler.tick(2000);
    expect(autoscaler.replicas).toBe(1);
  });

  it('measures utilisation over all the cores of its replicas', () => {
    // 2 replicas of 2 cores: 3 s of work in 1 s is 75%, 1.5 times the target: 3 replicas, 6 servers.
    const station = new FifoServers(4);
    const autoscaler = new Autoscaler(station, settings({ coresPerReplica: 2 }), new RandomStream(1, 'scaling'), 2);
    station.admit(0, 3000);
    autoscaler.tick(1000);
    expect(autoscaler.replicas).toBe(3);
    expect(station.servers).toBe(6);
  });

  it('has the replicas it starts with as its mean before any time has passed', () => {
    const autoscaler = new Autoscaler(new FifoServers(3), settings(), new RandomStream(1, 'scaling'), 3);
    expect(autoscaler.meanReplicas(0)).toBe(3);
  });

  it('gives new replicas their cold start', () => {
    const station = new FifoServers(1);
    const autoscaler = new Autoscaler(
      station,
      settings({ coldStart: constantSampler(500) }),
      new RandomStream(1, 'scaling'),
      1,
    );
    station.admit(0, 2000);
    autoscaler.tick(1000); // 200%: 4 replicas, the new ones ready at 1500
    expect(station.admit(1000, 10)).toBe(1500);
  });
});

describe('the batch curve', () => {
  it('adds 30% of one inference per extra inference by default', () => {
    expect(batchFactor(1)).toBe(1);
    expect(batchFactor(8)).toBeCloseTo(3.1, 12);
  });

  it('interpolates a measured curve from one inference, and extends its last segment', () => {
    const curve = [[4, 2]] as const; // (1, 1) is implied
    expect(batchFactor(1, curve)).toBe(1);
    expect(batchFactor(2, curve)).toBeCloseTo(4 / 3, 12);
    expect(batchFactor(4, curve)).toBe(2);
    expect(batchFactor(7, curve)).toBeCloseTo(3, 12);
    const measured = [
      [1, 1],
      [2, 1.5],
      [8, 3],
    ] as const;
    expect(batchFactor(2, measured)).toBe(1.5);
    expect(batchFactor(5, measured)).toBeCloseTo(2.25, 12);
    expect(batchFactor(10, measured)).toBeCloseTo(3.5, 12);
    expect(batchFactor(1, measured)).toBe(1);
    // Each size on its own segment.
    const segments = [
      [2, 1.8],
      [4, 2.5],
      [8, 4],
    ] as const;
    expect([1, 2, 3, 4, 6].map((size) => batchFactor(size, segments))).toEqual([1, 1.8, 2.15, 2.5, 3.25]);
    expect(batchFactor(3, [])).toBeCloseTo(1.6, 12); // no points: the default
  });
});
