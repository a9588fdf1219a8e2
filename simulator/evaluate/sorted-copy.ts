// An ascending copy of a run's latencies, as Float64Array.prototype.sort would give it, in about
// a third of the time for the few thousand latencies of a Monte Carlo sample's runs (whose 101
// percentiles need them all in order). For non-negative doubles the high 32 bits of the bit
// pattern order like the values, so one pass counts the values per bucket of high words, a
// second puts each value in its bucket, and the buckets, a few values each, are sorted alone.
// Non-negative doubles that compare equal have the same bits, so any sort of them gives the
// same array: values with the sign bit (negative, or -0, which the built-in sort puts before 0)
// and values that are not finite are left to the built-in sort.

import { countBuckets, highestHighWord, lowestHighWord } from './high-word-passes';

// Fewer values than this are sorted by the built-in sort, as fast as bucketing them.
const BUCKETS_FROM = 64;
// Buckets per value at most, rounded down to a power of two.
const VALUES_PER_BUCKET = 2;
// A bucket of more values than this (values bunched in a narrow range) goes to the built-in
// sort, so that no input makes the insertion sort of the buckets quadratic.
const INSERTION_MOST = 16;
// High words from here on: infinite or NaN, or (from 2^31) with the sign bit set.
const NOT_FINITE_OR_SIGNED = 0x7ff00000;
// Values more than 2^64 times smaller than the largest share the first bucket (see order-statistics.ts).
const WIDEST_RANGE = 64 * 2 ** 20;

export function sortedCopy(values: Float64Array): Float64Array {
  const n = values.length;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: both ways give the same sorted values; the threshold only picks the faster.
  if (n < BUCKETS_FROM) return values.slice().sort();
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const lowest = lowestHighWord(words);
  const highest = highestHighWord(words);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the built-in sort gives the same array for any values; only +Infinity's high word is at the bound, and its bucket is the last either way.
  if (highest >= NOT_FINITE_OR_SIGNED) return values.slice().sort();
  // Stryker disable next-line MethodExpression: a lower floor only widens the buckets, the order stays exact.
  const floor = Math.max(lowest, highest - WIDEST_RANGE);
  let shift = 0;
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: wider buckets only cost more sorting, the order stays exact.
  while ((highest - floor) / 2 ** shift >= n / VALUES_PER_BUCKET) shift++;
  const next = new Int32Array(Math.floor((highest - floor) / 2 ** shift) + 1);
  countBuckets(words, floor, shift, next);
  // The counts become where each bucket's first value goes.
  let start = 0;
  // Stryker disable next-line EqualityOperator: one step past the end writes nothing a typed array keeps.
  for (let bucket = 0; bucket < next.length; bucket++) {
    const count = next[bucket];
    next[bucket] = start;
    start += count;
  }
  const sorted = new Float64Array(n);
  scatter(values, words, floor, shift, next, sorted);
  // Each bucket's place now ends where the next one's starts.
  sortBuckets(sorted, next);
  return sorted;
}

// Each pass over all values is a function of its own that ends with its loop (see high-word-passes.ts).

function scatter(
  values: Float64Array,
  words: Uint32Array,
  floor: number,
  shift: number,
  next: Int32Array,
  sorted: Float64Array,
): void {
  for (let index = 0; index < values.length; index++) {
    const word = words[2 * index + 1];
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a word at the floor goes to bucket 0 either way, and all values in bucket 0 only make it sorted by the built-in sort.
    sorted[next[word <= floor ? 0 : (word - floor) >>> shift]++] = values[index];
  }
}

/** Sorts each bucket of `sorted` in place; bucket b ends at ends[b] and starts where b - 1 ends. */
function sortBuckets(sorted: Float64Array, ends: Int32Array): void {
  let start = 0;
  // Stryker disable next-line EqualityOperator: one bucket past the end has no values to sort.
  for (let bucket = 0; bucket < ends.length; bucket++) {
    const end = ends[bucket];
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: both sorts give the same bucket; the bound only keeps the insertion sort from turning quadratic.
    if (end - start > INSERTION_MOST) sorted.subarray(start, end).sort();
    else {
      // Stryker disable next-line ArithmeticOperator,EqualityOperator: the value just before the bucket, or the first one after it, is already in its place (buckets are in order).
      for (let index = start + 1; index < end; index++) {
        const value = sorted[index];
        let at = index - 1;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: the bucket before holds smaller values, so the shift stops at the bucket's start anyway; equal values have the same bits.
        while (at >= start && sorted[at] > value) {
          sorted[at + 1] = sorted[at];
          at--;
        }
        sorted[at + 1] = value;
      }
    }
    start = end;
  }
}
