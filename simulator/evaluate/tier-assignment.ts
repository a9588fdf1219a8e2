// Which tier of a device population each simulated user owns. The users simulated in detail are
// a sample of the population, so they are apportioned to the tiers by share (largest
// remainders: each tier gets its share of them to within one user) and then shuffled, so that
// a user's tier is a draw by share that no position in the user list favours.
import { RandomStream } from '../random/random-stream';

/** Tier of each of `users` users, for tiers of these shares (summing to 1). */
export function assignTiers(shares: readonly number[], users: number, random: RandomStream): Int32Array {
  const exact = shares.map((share) => share * users);
  const counts = exact.map(Math.floor);
  const byRemainder = exact.map((value, tier) => ({ tier, remainder: value - counts[tier] }));
  // Stryker disable next-line ArithmeticOperator: ties keep tier order anyway (the list is built in tier order and sort is stable); the tie-break says so.
  byRemainder.sort((a, b) => b.remainder - a.remainder || a.tier - b.tier);
  let left = users - counts.reduce((sum, count) => sum + count, 0);
  for (const { tier } of byRemainder) {
    if (left <= 0) break;
    counts[tier]++;
    left--;
  }
  const tierOf = new Int32Array(users);
  let user = 0;
  counts.forEach((count, tier) => tierOf.fill(tier, user, (user += count)));
  // Fisher-Yates shuffle.
  for (let index = users - 1; index > 0; index--) {
    const other = random.nextInt(index + 1);
    const held = tierOf[index];
    tierOf[index] = tierOf[other];
    tierOf[other] = held;
  }
  return tierOf;
}
