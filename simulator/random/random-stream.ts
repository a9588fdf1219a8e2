// Seeded pseudo-random streams. Every source of randomness (arrivals, each step's service
// times, each link's latencies, each link instance's outages, cache look-ups) draws from its own
// stream derived from the scenario seed and the source's name, so that every option sees the
// same arrivals and the same link behaviour (common random numbers): differences between
// options are then the options', not the dice's.
//
// The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, from PractRand):
// 128 bits of state, passes PractRand and BigCrush, and is fast in 32-bit JavaScript arithmetic.

// A run builds a stream per user for each link with outages, one after another under the same
// name (instance by instance): the last name's hash is remembered (a pure function of the name).
let lastName = '';
let lastNameHash = hashName(lastName);

function rememberedHash(name: string): number {
  // Stryker disable next-line ConditionalExpression: hashing the name again gives the same hash; remembering only saves the work.
  if (name !== lastName) {
    lastName = name;
    lastNameHash = hashName(name);
  }
  return lastNameHash;
}

function hashName(name: string): number {
  // FNV-1a, then a murmur3 finaliser so that similar names give unrelated seeds.
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index++) {
    hash ^= name.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return mix32(hash);
}

function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class RandomStream {
  // Initialised here, not only in the constructor: a field declared without a value starts as
  // undefined, and V8 then keeps it in a representation that may hold anything, so that every
  // step below checks its type and does its integer arithmetic in doubles. Starting from 0, a
  // small integer, the fields stay plain int32 (a run draws twice per request).
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number, name: string, index = 0) {
    const nameHash = rememberedHash(name);
    // The state is kept as signed 32-bit integers (`| 0`), which every step below treats as the
    // same bits: fields that only ever hold small integers are stored unboxed, where a number
    // beyond 2^31 would make every later write to them allocate (a third of a run's garbage).
    this.a = mix32(seed ^ 0x9e3779b9) | 0;
    this.b = mix32(nameHash ^ Math.imul(index + 1, 0x632be5ab)) | 0;
    this.c = mix32((seed * 31 + nameHash) ^ 0x7f4a7c15) | 0;
    this.d = 1;
    // Discard the first outputs: sfc32 mixes its counter-seeded state in about a dozen steps.
    for (let step = 0; step < 15; step++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform on (0, 1]: never 0, so that -log(u) is finite. */
  nextOpen(): number {
    return (this.nextUint32() + 1) / 4294967296;
  }

  /** Uniform on [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform integer in [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.next() * n);
  }

  exponential(mean: number): number {
    return -mean * Math.log(this.nextOpen());
  }

  /** Standard normal by the polar method. */
  standardNormal(): number {
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
    }
  }

  /** A Poisson count: inversion for small means, a rounded normal approximation above 60. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.standardNormal()));
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.nextOpen();
    while (product > limit) {
      count++;
      product *= this.nextOpen();
    }
    return count;
  }
}
