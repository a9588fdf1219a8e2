// A user's own stations in flat arrays admit jobs exactly as FifoServers does: the same start
// times to the bit, for pools of one server and of several, with users interleaved.
import { describe, expect, it } from 'vitest';
import { FifoServers } from '../../../simulator/engine/fifo-servers';
import { UserStations } from '../../../simulator/engine/user-stations';
import { RandomStream } from '../../../simulator/random/random-stream';

// Admits random jobs at `own` and at FifoServers of the same servers, expecting the same starts,
// and the same busy times per station (each summed over the users in their order).
function matchFifoServers(own: UserStations, servers: number[], users: number, jobs: number, seed: number) {
  {
    // Per user who has sent a job: its number among `own`'s users, and its FifoServers.
    const numberOf = new Map<number, number>();
    const pools: FifoServers[][] = [];
    const random = new RandomStream(seed, 'user-stations');
    const clock = new Float64Array(users);
    for (let job = 0; job < jobs; job++) {
      // Each user's jobs come in time order (as the engine admits them); users interleave at random.
      const user = random.nextInt(users);
      const station = random.nextInt(servers.length);
      if (!numberOf.has(user)) {
        numberOf.set(user, own.addUser());
        pools.push(servers.map((count) => new FifoServers(count)));
      }
      clock[user] += random.exponential(2);
      const service = random.exponential(3);
      const number = numberOf.get(user)!;
      expect(own.admit(number, station, clock[user], service)).toBe(pools[number][station].admit(clock[user], service));
    }
    expect(own.stations).toBe(servers.length);
    expect(own.users).toBe(pools.length);
    // Busy time per station, summed over users in the order given.
    servers.forEach((_, station) => {
      let busy = 0;
      for (const pool of pools) busy += pool[station].busyTime;
      expect(own.busyTime(station, pools.keys())).toBe(busy);
      expect(own.busyTimesOf(Int32Array.from(pools.keys()))[station]).toBe(busy);
    });
  }
}

describe('UserStations', () => {
  it('give every job the start a FifoServers of the same servers gives it', () => {
    matchFifoServers(new UserStations([1, 3, 8]), [1, 3, 8], 2000, 50_000, 4);
  });

  it('start from free servers and no busy time after another run released its arrays to them', () => {
    // The next stations take the released arrays when they are large enough for their own
    // layout: here the second has more servers per user and fewer stations, then the same.
    const first = new UserStations([1, 1, 1, 1]);
    matchFifoServers(first, [1, 1, 1, 1], 3000, 20_000, 5);
    first.release();
    matchFifoServers(new UserStations([8]), [8], 3000, 20_000, 6);
    const third = new UserStations([2, 1]);
    matchFifoServers(third, [2, 1], 500, 5000, 7);
    third.release();
    matchFifoServers(new UserStations([2, 1]), [2, 1], 500, 5000, 8);
  });

  it('admit every job as FifoServers does after a run of another layout released arrays too short for theirs', () => {
    // Eight one-server stations leave as many servers' free times as busy times; one station of
    // 32 servers needs four times the free times for the same users (they grow as users come).
    const eight = new UserStations([1, 1, 1, 1, 1, 1, 1, 1]);
    matchFifoServers(eight, [1, 1, 1, 1, 1, 1, 1, 1], 1100, 20_000, 9);
    eight.release();
    matchFifoServers(new UserStations([32]), [32], 1100, 20_000, 10);
    // One station of 16 servers leaves one busy time a user; four stations need four.
    const sixteen = new UserStations([16]);
    matchFifoServers(sixteen, [16], 1100, 20_000, 11);
    sixteen.release();
    matchFifoServers(new UserStations([1, 1, 1, 1]), [1, 1, 1, 1], 1100, 20_000, 12);
  });
});
