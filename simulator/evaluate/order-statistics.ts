// Fast exact order statistics for the large latency arrays of a run.
import { sortedCopy } from './sorted-copy';
import { countBuckets, highestHighWord, lowestHighWord } from './high-word-passes';

// Below this many values a plain sort is as fast as bucketing.
const SORT_BELOW = 4096;

/** Whether order statistics of `count` values are read from a plain sort of them all (see valuesAtRanks). */
export function sortsWhole(count: number): boolean {
  // Stryker disable next-line EqualityOperator: both ways give the same exact values; the threshold only picks the faster.
  return count < SORT_BELOW;
}
// Buckets per value at most (a power of two at or below n / 4), and in all.
const VALUES_PER_BUCKET = 4;
const MAX_BUCKETS = 2 ** 16;
// Values more than 2^64 times smaller than the largest share the first bucket: the range of
// the buckets is then at most 64 binades, so a zero or a denormal among milliseconds does not
// widen every bucket. (The high word of a double grows by 2^20 per binade.)
const BINADE = 2 ** 20;
const WIDEST_RANGE = 64 * BINADE;

/** The lowest and highest high word of some values (see valuesAtRanks), which bound their buckets. */
export interface HighWords {
  lowest: number;
  highest: number;
}

/** The 32-bit words of `values`: little-endian, so word 2i + 1 is the high half of value i. */
function highWordsView(values: Float64Array): Uint32Array {
  return new Uint32Array(values.buffer, values.byteOffset, 2 * values.length);
}

/** The range of the high words of `values` (at least one). */
export function highWords(values: Float64Array): HighWords {
  const words = highWordsView(values);
  return { lowest: lowestHighWord(words), highest: highestHighWord(words) };
}

/**
 * The values that an ascending sort of `values` (non-negative, not NaN) would put at `ranks`,
 * without sorting them all, and leaving `values` as they are. For non-negative doubles the high
 * 32 bits of the bit pattern order like the values, so one pass counts the values per bucket of
 * high words, which tells the bucket of each rank; a second pass gathers only those buckets'
 * values, which are few (a few hundred of a million for the 101 percentiles) and sorted alone.
 * Exact whatever the values: at worst every value falls in one bucket and is sorted. `range`,
 * when the caller knows it, saves the pass that finds it: any range that holds every high word of
 * `values` gives the same values (the whole array's serves each of its parts).
 */
export function valuesAtRanks(
  values: Float64Array,
  ranks: readonly number[],
  range: HighWords = highWords(values),
): Float64Array {
  const n = values.length;
  const result = new Float64Array(ranks.length);
  // Stryker disable next-line ConditionalExpression,BlockStatement: both ways give the same exact values; the threshold only picks the faster.
  if (sortsWhole(n)) {
    const sorted = sortedCopy(values);
    ranks.forEach((rank, index) => (result[index] = sorted[rank]));
    return result;
  }
  const words = highWordsView(values);
  const { lowest, highest } = range;
  // Stryker disable next-line MethodExpression: a lower floor only widens the buckets (fewer, fuller ones), the values stay exact.
  const floor = Math.max(lowest, highest - WIDEST_RANGE);
  // Stryker disable next-line MethodExpression,ArithmeticOperator: how many buckets, which sets the cost only: any count gives the same exact values.
  const bucketLimit = Math.min(MAX_BUCKETS, 2 ** Math.floor(Math.log2(n / VALUES_PER_BUCKET)));
  let shift = 0;
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: a shift one larger (or more) only makes wider buckets, the values stay exact.
  while ((highest - floor) / 2 ** shift >= bucketLimit) shift++;
  const buckets = Math.floor((highest - floor) / 2 ** shift) + 1;
  const counts = new Int32Array(buckets);
  countBuckets(words, floor, shift, counts);
  // The counts become running totals (values in this bucket and all below), in which each rank's
  // bucket is found by bisection rather than by a walk over all buckets.
  const totals = runningTotals(counts);
  // Per rank, in ascending order of ranks: the bucket that holds it, the rank of that bucket's
  // first value, and where and how many of the bucket's values are to be gathered.
  const order = ranks.map((_, index) => index).sort((a, b) => ranks[a] - ranks[b]);
  const bucketOf = new Int32Array(ranks.length);
  const firstRankOf = new Int32Array(ranks.length);
  const sizeOf = new Int32Array(ranks.length);
  const startOf = new Int32Array(ranks.length);
  let gathered = 0;
  let previous = -1;
  for (const index of order) {
    const bucket = bucketHolding(totals, ranks[index]);
    firstRankOf[index] = bucket === 0 ? 0 : totals[bucket - 1];
    sizeOf[index] = totals[bucket] - firstRankOf[index];
    if (bucket !== previous) gathered += sizeOf[index];
    previous = bucket;
    bucketOf[index] = bucket;
    startOf[index] = gathered - sizeOf[index];
  }
  // The totals become where each needed bucket's next value goes, and -1 for the other buckets:
  // one array as long as the buckets, whose pages cost more to touch first than to fill.
  const gatherAt = totals.fill(-1);
  order.forEach((index) => (gatherAt[bucketOf[index]] = startOf[index]));
  const chosen = new Float64Array(gathered);
  gather(values, words, floor, shift, gatherAt, chosen);
  const sortedBuckets = new Set<number>();
  ranks.forEach((rank, index) => {
    const part = chosen.subarray(startOf[index], startOf[index] + sizeOf[index]);
    // Stryker disable next-line ConditionalExpression: sorting a bucket again leaves it as it is; the set only saves the work.
    if (!sortedBuckets.has(bucketOf[index])) {
      part.sort();
      sortedBuckets.add(bucketOf[index]);
    }
    result[index] = part[rank - firstRankOf[index]];
  });
  return result;
}

// The remaining passes over all values, each a function of its own that ends with its loop (see
// high-word-passes.ts).

/** Makes each count the sum of the counts up to it, in place; returns the same array. */
function runningTotals(counts: Int32Array): Int32Array {
  for (let bucket = 1; bucket < counts.length; bucket++) counts[bucket] += counts[bucket - 1];
  return counts;
}

/** The first bucket whose running total exceeds `rank`: the one that holds the value of that rank. */
function bucketHolding(totals: Int32Array, rank: number): number {
  let low = 0;
  let high = totals.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (totals[middle] > rank) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Copies each value whose bucket has a place in `gatherAt` there, moving the place on. */
function gather(
  values: Float64Array,
  words: Uint32Array,
  floor: number,
  shift: number,
  gatherAt: Int32Array,
  chosen: Float64Array,
): void {
  for (let index = 0; index < values.length; index++) {
    const word = words[2 * index + 1];
    // Stryker disable next-line EqualityOperator: a word equal to the floor goes to bucket 0 either way.
    const at = word <= floor ? 0 : (word - floor) >>> shift;
    const next = gatherAt[at];
    if (next >= 0) {
      chosen[next] = values[index];
      gatherAt[at] = next + 1;
    }
  }
}
