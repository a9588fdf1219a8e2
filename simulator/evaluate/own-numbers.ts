// Each detailed user's number among the users with stations of their own (user-stations.ts,
// numbered 0, 1, ... as their first requests arrive), for the event loop (simulate-option.ts).
// A run may detail thousands of users of whom a few hundred send a request (a Monte Carlo
// stage details every user where devices are idle, run-shape.ts): an array of every user's number made,
// filled with -1 and scanned in user order at every run cost about 2% of a sample's CPU (and
// sorting the numbered users as much again). So the arrays are kept for the next run on this
// thread, with -1 written back only where this run numbered a user, and a numbered user's bit
// is set in a bitmap, whose words give the numbered users in user order 32 users at a time.

let spare: OwnNumbers | undefined;
// Larger arrays are not kept for the next run: a long run's would stay in memory for nothing.
const MAX_KEPT_USERS = 1 << 20;

export class OwnNumbers {
  /** Per detailed user, its number; -1 before its first request. */
  readonly numberOf: Int32Array;
  /** Bit `user % 32` of word `user >> 5` set once the user has a number. */
  private readonly numbered: Int32Array;

  private constructor(users: number) {
    this.numberOf = new Int32Array(users).fill(-1);
    this.numbered = new Int32Array((users + 31) >> 5);
  }

  /** Numbers for a run of `users` detailed users, none numbered yet: a finished run's where they are large enough. */
  static take(users: number): OwnNumbers {
    const kept = spare;
    spare = undefined;
    return kept && kept.numberOf.length >= users ? kept : new OwnNumbers(users);
  }

  /** Gives `user`, which has none yet, the number `number`. */
  set(user: number, number: number): void {
    this.numberOf[user] = number;
    this.numbered[user >> 5] |= 1 << (user & 31);
  }

  /**
   * Ends the run: the numbered users in user order (the order their busy times are summed in,
   * whichever order their first requests came in), `count` of them, and their numbers. Every
   * user loses its number, and the arrays go to the next run; nothing may be asked of these
   * afterwards.
   */
  release(count: number): { users: Int32Array; numbers: Int32Array } {
    const users = new Int32Array(count);
    const numbers = new Int32Array(count);
    const { numbered, numberOf } = this;
    let next = 0;
    for (let word = 0; next < count; word++) {
      let bits = numbered[word];
      numbered[word] = 0;
      while (bits !== 0) {
        const lowest = bits & -bits;
        const user = (word << 5) + 31 - Math.clz32(lowest);
        users[next] = user;
        numbers[next++] = numberOf[user];
        numberOf[user] = -1;
        bits ^= lowest;
      }
    }
    keep(this);
    return { users, numbers };
  }
}

function keep(numbers: OwnNumbers): void {
  if (numbers.numberOf.length <= MAX_KEPT_USERS) spare = numbers;
}
