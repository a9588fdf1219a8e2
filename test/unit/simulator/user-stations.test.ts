// A user's own stations in flat arrays admit jobs exactly as FifoServers does: the same start
// times to the bit, for pools of one server and of several, with users interleaved.
import { describe, expect, it } from 'vitest';
import { FifoServers } from '../../../simulator/engine/fifo-servers';
import { UserStations } from '../../../simulator/engine/user-stations';
import { RandomStream } from '../../../simulator/random/random-stream';

describe('UserStations', () => {
  it('give every job the start a FifoServers of the same servers gives it', () => {
    const servers = [1, 3, 8];
    const users = 2000;
    const own = new UserStations(servers);
    // Per user who has sent a job: its number among `own`'s users, and its FifoServers.
    const numberOf = new Map<number, number>();
    const pools: FifoServers[][] = [];
    const random = new RandomStream(4, 'user-stations');
    const clock = new Float64Array(users);
    for (let job = 0; job < 50_000; job++) {
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
    });
  });
});
