// Which tier of a device population each simulated user owns: each tier gets its share of the
// users to within one (largest remainders, ties to the earlier tier), in an order no position in
// the user list favours (a Fisher-Yates shuffle). Counts worked out by hand.
import { describe, expect, it } from 'vitest';
import { assignTiers } from '../../../simulator/evaluate/tier-assignment';
import { RandomStream } from '../../../simulator/random/random-stream';

/** How many users `assignTiers` gives each of the tiers. */
function counts(shares: number[], users: number, seed = 1): number[] {
  const tierOf = assignTiers(shares, users, new RandomStream(seed, 'tiers'));
  expect(tierOf).toHaveLength(users);
  return shares.map((_, tier) => tierOf.filter((owner) => owner === tier).length);
}

describe('tier assignment', () => {
  it('gives the user left over to the largest remainder, wherever that tier is', () => {
    // 10 users at 12/48/40%: 1.2, 4.8 and 4 users; floors 1 + 4 + 4 leave one user, for 4.8.
    expect(counts([0.12, 0.48, 0.4], 10)).toEqual([1, 5, 4]);
    // 0.3, 0.2 and 0.5 of one user: floors leave it, for the largest remainder, the first tier.
    expect(counts([0.3, 0.2, 0.5], 1)).toEqual([0, 0, 1]);
    // 7 users at 40/10/50%: 2.8, 0.7 and 3.5; floors 2 + 0 + 3 leave two, for 2.8 and 0.7.
    expect(counts([0.4, 0.1, 0.5], 7)).toEqual([3, 1, 3]);
  });

  it('breaks a tie of remainders towards the earlier tier', () => {
    // 2 users at 25/25/50%: 0.5, 0.5 and 1; the one left over goes to the first of the tied tiers.
    expect(counts([0.25, 0.25, 0.5], 2)).toEqual([1, 0, 1]);
    // 2 users at 50/25/25%: 1, 0.5 and 0.5; again the earlier of the two tied tiers.
    expect(counts([0.5, 0.25, 0.25], 2)).toEqual([1, 1, 0]);
  });

  it('assigns every user, exactly, when the shares divide them evenly', () => {
    expect(counts([0.5, 0.5], 10)).toEqual([5, 5]);
    expect(counts([1], 3)).toEqual([3]);
  });

  it('shuffles the users: of two users, either may own the first tier', () => {
    // A fair shuffle of two users swaps them half the time: over 200 seeds both orders appear
    // (the chance that one never does is 2^-199).
    const firstOwner = new Set<number>();
    for (let seed = 1; seed <= 200; seed++)
      firstOwner.add(assignTiers([0.5, 0.5], 2, new RandomStream(seed, 'tiers'))[0]);
    expect([...firstOwner].sort()).toEqual([0, 1]);
  });

  it('draws one number per swap of the Fisher-Yates shuffle: users - 1 of them', () => {
    const used = new RandomStream(3, 'tiers');
    assignTiers([0.3, 0.7], 10, used);
    const fresh = new RandomStream(3, 'tiers');
    for (let index = 9; index > 0; index--) fresh.nextInt(index + 1);
    expect(used.next()).toBe(fresh.next());
  });
});
