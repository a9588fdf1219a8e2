// The stations each detailed user owns: its devices' executors and its links' serialisers. Each
// is a FIFO pool as FifoServers is (a job starts at max(arrival, the earliest free server)), but
// without background load or resizing, which only shared stations have; they live in flat
// arrays rather than one object each. A run among a million users makes some 100,000 users'
// stations as their first requests arrive, and as many objects living to the end of the run
// cost the garbage collector more than the simulation itself.

// The arrays a finished run's stations leave, zeroed, for the next run's on this thread (see
// release): a Monte Carlo sample makes eight runs, and allocating (and collecting) these arrays
// anew as each run's users arrive cost a few per cent of a run. Larger ones are not kept, so
// that a long run's arrays do not stay in memory for nothing.
let spare: { freeAt: Float64Array; busy: Float64Array } | undefined;
const MAX_KEPT_ENTRIES = 1 << 20;

export class UserStations {
  /** Users whose stations exist, numbered 0, 1, ... in the order addUser made them. */
  users = 0;
  /** Per user, each station's servers' free times: a min-heap per station, `serversPerUser` entries in all. */
  private freeAt: Float64Array = new Float64Array(0);
  /** Total service time given, per user and station (index user * stations + station). */
  private busy: Float64Array = new Float64Array(0);
  /** Where each station's heap starts within a user's entries. */
  private readonly firstServer: Int32Array;
  private readonly serversPerUser: number;
  /** Each station's servers and the stations of a user, as admit reads them at every job. */
  private readonly serverCount: Int32Array;
  private readonly stationsPerUser: number;

  /** `servers`: the servers of each of a user's stations. */
  constructor(private readonly servers: readonly number[]) {
    this.firstServer = new Int32Array(servers.length);
    let offset = 0;
    servers.forEach((count, station) => {
      this.firstServer[station] = offset;
      offset += count;
    });
    this.serversPerUser = offset;
    this.serverCount = Int32Array.from(servers);
    this.stationsPerUser = servers.length;
  }

  get stations(): number {
    return this.servers.length;
  }

  /** Makes the next user's stations, all servers free from time 0; returns the user's number. */
  addUser(): number {
    const user = this.users++;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: growing sooner (or at every user) copies the same entries into a larger array; only the memory and time differ; and since a station has at least one server, the free times run out no later than the busy times, and both grow together.
    if (this.users * this.servers.length > this.busy.length || this.users * this.serversPerUser > this.freeAt.length) {
      const capacity = Math.max(1024, 2 * this.users);
      // Stryker disable next-line ConditionalExpression: arrays too short for this layout at the first user are too short at any later one, and a fresh array holds the same zeros as a kept one.
      const kept = user === 0 ? spare : undefined;
      if (
        // Stryker disable next-line ConditionalExpression: as false, a fresh array instead of a kept one holds the same zeros (the whole condition as true fails without a kept array).
        kept &&
        // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: a kept array too short for this layout only makes the growth above come sooner (it compares the lengths the arrays have); a fresh one holds the same zeros.
        kept.freeAt.length >= capacity * this.serversPerUser &&
        // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: as on the line above, for the busy times.
        kept.busy.length >= capacity * this.servers.length
      ) {
        spare = undefined;
        this.freeAt = kept.freeAt;
        this.busy = kept.busy;
      } else {
        this.freeAt = grownTo(this.freeAt, capacity * this.serversPerUser);
        this.busy = grownTo(this.busy, capacity * this.servers.length);
      }
    }
    return user;
  }

  /** Admits a job arriving at `arrival` at `user`'s station `station`; returns when its service starts. */
  admit(user: number, station: number, arrival: number, service: number): number {
    this.busy[user * this.stationsPerUser + station] += service;
    const freeAt = this.freeAt;
    const root = user * this.serversPerUser + this.firstServer[station];
    const start = Math.max(freeAt[root], arrival);
    const end = start + service;
    // Replace the root (the server this job takes) and sift down.
    const count = this.serverCount[station];
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= count) break;
      // Stryker disable next-line EqualityOperator: between two children free at the same time either may move up; the heap holds the same times either way.
      if (child + 1 < count && freeAt[root + child + 1] < freeAt[root + child]) child++;
      // Stryker disable next-line EqualityOperator: a child free exactly when this job ends may stay below it or move up; the heap holds the same times either way.
      if (freeAt[root + child] >= end) break;
      freeAt[root + index] = freeAt[root + child];
      index = child;
    }
    freeAt[root + index] = end;
    return start;
  }

  /** Ends the run: its arrays, zeroed, go to the next run's stations. Nothing may be asked of these afterwards. */
  // Stryker disable next-line BlockStatement: keeping nothing leaves the next run fresh arrays of the same zeros.
  release(): void {
    // A run without users of its own leaves the arrays kept before; larger arrays are not kept.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: either way only changes which arrays are kept, all zeros.
    if (this.users === 0 || this.freeAt.length > MAX_KEPT_ENTRIES || this.busy.length > MAX_KEPT_ENTRIES) return;
    this.freeAt.fill(0, 0, this.users * this.serversPerUser);
    this.busy.fill(0, 0, this.users * this.servers.length);
    spare = { freeAt: this.freeAt, busy: this.busy };
    this.freeAt = new Float64Array(0);
    this.busy = new Float64Array(0);
  }

  /** Busy time of every station, each summed over the given users in their order (as busyTime), in one pass. */
  busyTimesOf(users: ArrayLike<number>): Float64Array {
    const stations = this.stationsPerUser;
    const totals = new Float64Array(stations);
    for (let index = 0; index < users.length; index++) {
      const first = users[index] * stations;
      // Stryker disable next-line EqualityOperator: one station past the end adds to no total a typed array keeps.
      for (let station = 0; station < stations; station++) totals[station] += this.busy[first + station];
    }
    return totals;
  }

  /** Busy time of station `station` summed over the given users, in their order. */
  busyTime(station: number, users: Iterable<number>): number {
    let total = 0;
    for (const user of users) total += this.busy[user * this.servers.length + station];
    return total;
  }
}

function grownTo(array: Float64Array, length: number): Float64Array {
  // The other array may be the one too short (arrays kept from a run of another layout).
  // Stryker disable next-line EqualityOperator: a copy of the same length holds the same entries.
  if (array.length >= length) return array;
  const larger = new Float64Array(length);
  larger.set(array);
  return larger;
}
