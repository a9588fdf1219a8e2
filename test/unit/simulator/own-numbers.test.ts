// The detailed users' own-station numbers of a run (own-numbers.ts): handed back in user order
// whichever order the users were numbered in, and left to the next run with no user numbered.
import { describe, expect, it } from 'vitest';
import { OwnNumbers } from '../../../simulator/evaluate/own-numbers';

describe("a run's own-station numbers", () => {
  it('give the numbered users and their numbers in user order, across bitmap words', () => {
    const numbers = OwnNumbers.take(100);
    const firstRequests = [70, 3, 31, 99, 32, 0, 64];
    firstRequests.forEach((user, number) => numbers.set(user, number));
    expect(numbers.numberOf[70]).toBe(0);
    expect(numbers.numberOf[4]).toBe(-1);
    const { users, numbers: inUserOrder } = numbers.release(firstRequests.length);
    expect(Array.from(users)).toEqual([0, 3, 31, 32, 64, 70, 99]);
    expect(Array.from(inUserOrder)).toEqual([5, 1, 2, 4, 6, 0, 3]);
  });

  it('go to the next run large enough, every user without a number again', () => {
    const first = OwnNumbers.take(64);
    first.set(63, 0);
    first.set(1, 1);
    first.release(2);
    const second = OwnNumbers.take(40);
    expect(second).toBe(first);
    expect(Array.from(second.numberOf).every((number) => number === -1)).toBe(true);
    second.set(5, 0);
    expect(Array.from(second.release(1).users)).toEqual([5]);
    // A run of more users than the kept arrays hold gets new ones.
    const more = second.numberOf.length + 1;
    const third = OwnNumbers.take(more);
    expect(third).not.toBe(second);
    expect(third.numberOf.length).toBe(more);
    expect(Array.from(third.numberOf).every((number) => number === -1)).toBe(true);
  });

  it('are not kept beyond 2^20 users', () => {
    const large = OwnNumbers.take((1 << 20) + 1);
    large.release(0);
    expect(OwnNumbers.take(1)).not.toBe(large);
  });
});
