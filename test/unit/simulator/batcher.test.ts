// Mini-batching on its own, against batches formed by hand: the batcher generates the background
// users' arrivals lazily and plans wake-ups ahead, so its batches are compared with those of the
// plain rule applied to every arrival in time order (a batch starts with its first request, and
// leaves when it holds max_batch requests or when its first has waited max_wait_ms), with the
// background's arrival times drawn again from an identical random stream.
import { describe, expect, it } from 'vitest';
import { BackgroundBudget } from '../../../simulator/engine/background-budget';
import { type BatchDispatch, Batcher } from '../../../simulator/engine/batcher';
import { RunLimitError } from '../../../simulator/engine/run-limit-error';
import type { Station } from '../../../simulator/engine/station';
import { RandomStream } from '../../../simulator/random/random-stream';

interface Batch {
  time: number;
  size: number;
  members: number[];
  arrivals: number[];
}

/** A station that starts every job at once and logs it as a batch of `service` requests. */
function loggingStation(log: Batch[]): Station {
  return {
    admit: (arrival, service) => {
      log.push({ time: arrival, size: service, members: [], arrivals: [] });
      return arrival;
    },
    admitWithBackground: () => Number.NaN,
    catchUp: () => undefined,
    busyTime: 0,
    jobs: 0,
  };
}

/** The plain rule on every arrival in time order; `member` is -1 for a background arrival. */
function batchesByHand(arrivals: { time: number; member: number }[], maxBatch: number, maxWaitMs: number): Batch[] {
  const batches: Batch[] = [];
  let forming: (Batch & { deadline: number }) | undefined;
  for (const { time, member } of arrivals) {
    if (forming && forming.deadline < time) {
      batches.push({ ...forming, time: forming.deadline });
      forming = undefined;
    }
    forming ??= { time: Number.NaN, size: 0, members: [], arrivals: [], deadline: time + maxWaitMs };
    forming.size++;
    if (member >= 0) {
      forming.members.push(member);
      forming.arrivals.push(time);
    }
    if (forming.size === maxBatch) {
      batches.push({ ...forming, time });
      forming = undefined;
    }
  }
  if (forming) batches.push({ ...forming, time: forming.deadline });
  return batches.map(({ time, size, members, arrivals }) => ({ time, size, members, arrivals }));
}

/**
 * Runs the batcher as the engine does: detailed requests join at their arrival, the background's
 * rate changes at its times, and each wake-up the batcher asks for comes as an event in time
 * order (stale ones included). Returns every batch the station was given, with the detailed
 * requests in it, and the background's arrival times: those drawn from the stream at each rate,
 * from the time that rate began, up to the next change (the draws ahead of a change are dropped).
 */
function runBatcher(options: {
  detailed: number[];
  maxBatch: number;
  maxWaitMs: number;
  backgroundRatePerMs: number;
  seed: number;
  /** [time, rate per ms]: changes of the background's rate, each to a rate other than the one before. */
  rateChanges?: [number, number][];
  budget?: number;
}): { batches: Batch[]; background: number[] } {
  const log: Batch[] = [];
  let now = 0;
  const stream = new RandomStream(options.seed, 'background');
  const draws: { mean: number; gap: number }[] = [];
  const random = {
    exponential: (mean: number) => {
      const gap = stream.exponential(mean);
      draws.push({ mean, gap });
      return gap;
    },
  } as RandomStream;
  const batcher = new Batcher(
    loggingStation(log),
    options.maxBatch,
    options.maxWaitMs,
    (size) => size, // a batch's service time is its size: the log shows both
    ({ members, arrivals, start, service }: BatchDispatch) => {
      // Dispatched at the event where it leaves, right after the station took it.
      const batch = log.at(-1)!;
      expect([start, service, batch.time]).toEqual([batch.time, batch.size, now]);
      batch.members = [...members];
      batch.arrivals = [...arrivals];
    },
    random,
    new BackgroundBudget(options.budget ?? 1e9),
  );
  const wakes: number[] = [];
  const plan = (at: number) => {
    if (!Number.isNaN(at)) wakes.push(at);
  };
  const wakeUntil = (time: number) => {
    wakes.sort((a, b) => a - b);
    while (wakes.length > 0 && wakes[0] < time) batcher.wake((now = wakes.shift()!));
  };
  plan(batcher.setBackgroundRate(0, options.backgroundRatePerMs));
  const changes = [...(options.rateChanges ?? [])];
  options.detailed.forEach((time, request) => {
    while (changes.length > 0 && changes[0][0] < time) {
      const [at, rate] = changes.shift()!;
      wakeUntil(at);
      plan(batcher.setBackgroundRate((now = at), rate));
    }
    wakeUntil(time);
    plan(batcher.join(request, (now = time)));
  });
  wakeUntil(Number.POSITIVE_INFINITY);
  expect(batcher.batches).toBe(log.length);
  expect(batcher.batchedRequests).toBe(log.reduce((sum, batch) => sum + batch.size, 0));

  // The background's arrivals, rate by rate.
  const periods = [[0, options.backgroundRatePerMs], ...(options.rateChanges ?? [])].map(
    ([from, rate], index, all) => ({
      from,
      until: all[index + 1]?.[0] ?? Number.POSITIVE_INFINITY,
      rate,
    }),
  );
  const background: number[] = [];
  let next = 0;
  for (const { from, until, rate } of periods.filter((period) => period.rate > 0)) {
    let time = from;
    for (; next < draws.length && draws[next].mean === 1 / rate; next++) {
      time += draws[next].gap;
      if (time <= until) background.push(time);
    }
  }
  expect(next).toBe(draws.length);
  return { batches: log, background };
}

function merged(detailed: number[], background: number[]): { time: number; member: number }[] {
  return [
    ...detailed.map((time, member) => ({ time, member })),
    ...background.map((time) => ({ time, member: -1 })),
  ].sort((a, b) => a.time - b.time);
}

/** Detailed arrivals as a Poisson stream of `ratePerMs`. */
function detailedArrivals(seed: number, ratePerMs: number, count: number): number[] {
  const random = new RandomStream(seed, 'detailed');
  let time = 0;
  return Array.from({ length: count }, () => (time += random.exponential(1 / ratePerMs)));
}

/** The batches up to the last with detailed requests: the batcher admits background-only ones lazily. */
const upToLastDetailed = (batches: Batch[]) =>
  batches.slice(0, batches.findLastIndex((batch) => batch.members.length > 0) + 1);

describe('a batcher', () => {
  it('forms the batches of the plain rule from detailed requests alone', () => {
    const detailed = detailedArrivals(1, 0.1, 2000);
    const { batches } = runBatcher({ detailed, maxBatch: 4, maxWaitMs: 25, backgroundRatePerMs: 0, seed: 1 });
    expect(batches).toEqual(batchesByHand(merged(detailed, []), 4, 25));
    // Both ways of leaving occur: full batches and partial ones at their deadline.
    expect(batches.some((batch) => batch.size === 4)).toBe(true);
    expect(batches.some((batch) => batch.size < 4)).toBe(true);
  });

  it('fills batches with background arrivals as the plain rule does, over many thousands of them', () => {
    // 0.05 detailed and 0.5 background requests per ms: most batches hold both, some only
    // background (given to the station but dispatched to nobody); 20,000 background arrivals
    // pass the 4,096 the batcher keeps drawn ahead before it drops those consumed.
    const detailed = detailedArrivals(2, 0.05, 2000);
    const { batches, background } = runBatcher({
      detailed,
      maxBatch: 8,
      maxWaitMs: 30,
      backgroundRatePerMs: 0.5,
      seed: 7,
    });
    const byHand = batchesByHand(merged(detailed, background), 8, 30);
    expect(upToLastDetailed(batches)).toEqual(upToLastDetailed(byHand));
    expect(byHand.some((batch) => batch.members.length === 0)).toBe(true);
    expect(byHand.some((batch) => batch.members.length > 0 && batch.size === 8)).toBe(true);
    expect(byHand.some((batch) => batch.members.length > 0 && batch.size < 8)).toBe(true);
    expect(background.length).toBeGreaterThan(4 * 4096);
  });

  it('restarts the background at each change of its rate, to none and back', () => {
    // A change every 50 detailed requests, just after one has joined a batch, which then often
    // leaves sooner or later than planned before the next detailed request comes.
    const detailed = detailedArrivals(3, 0.05, 3000);
    const at = (request: number) => detailed[request] + 0.01;
    const rates = [0.8, 0, 0.2, 0.05, 0.3];
    const rateChanges = Array.from({ length: 59 }, (_, change): [number, number] => [
      at(50 * (change + 1)),
      rates[change % rates.length],
    ]);
    const { batches, background } = runBatcher({
      detailed,
      maxBatch: 6,
      maxWaitMs: 20,
      backgroundRatePerMs: 0.3,
      seed: 9,
      rateChanges,
    });
    expect(upToLastDetailed(batches)).toEqual(upToLastDetailed(batchesByHand(merged(detailed, background), 6, 20)));
    expect(background.some((time) => time > at(100) && time < at(150))).toBe(false); // the rate was 0
  });

  it('asks for no wake-up when its rate changes with no detailed request waiting', () => {
    const log: Batch[] = [];
    const random = new RandomStream(1, 'background');
    const batcher = new Batcher(
      loggingStation(log),
      4,
      10,
      (size) => size,
      () => undefined,
      random,
    );
    expect(batcher.setBackgroundRate(0, 0.5)).toBeNaN();
    expect(batcher.setBackgroundRate(100, 0.2)).toBeNaN(); // background-only batches formed by then
    expect(log.length).toBeGreaterThan(0);
    expect(batcher.setBackgroundRate(200, 0)).toBeNaN();
    expect(batcher.join(0, 201)).toBe(211); // alone, no background: its deadline
  });

  it('without a stream of its own has no background, whatever rate it is given', () => {
    const log: Batch[] = [];
    const batcher = new Batcher(
      loggingStation(log),
      4,
      10,
      (size) => size,
      () => undefined,
    );
    expect(batcher.setBackgroundRate(0, 0.5)).toBeNaN();
    expect(batcher.join(0, 5)).toBe(15); // alone: its deadline
    batcher.wake(15);
    expect(log).toEqual([{ time: 15, size: 1, members: [], arrivals: [] }]);
  });

  it('takes each background arrival from the run’s budget', () => {
    const run = (budget: number) => () =>
      runBatcher({ detailed: [1000], maxBatch: 4, maxWaitMs: 10, backgroundRatePerMs: 1, seed: 1, budget });
    expect(run(100)).toThrow(RunLimitError);
    expect(run(5000)).not.toThrow();
  });
});
