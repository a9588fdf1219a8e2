// The passes over a run's values by the high 32 bits of their bit patterns (which order like
// the values for non-negative doubles), shared by the order statistics and the sorted copy. Each
// pass is a function of its own that ends with its loop: a loop runs long enough to be compiled
// while it runs (on-stack replacement), and code after it in the same function, not yet run
// then, would be compiled without type feedback and undone at every call.

export function lowestHighWord(words: Uint32Array): number {
  let lowest = words[1];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a lowest word too high only raises the floor; the values below it go to the first bucket, sorted whole when a rank falls in it, so the values stay exact (and index 2n + 1 is past the end either way).
  for (let index = 3; index < words.length; index += 2) if (words[index] < lowest) lowest = words[index];
  return lowest;
}

export function highestHighWord(words: Uint32Array): number {
  let highest = words[1];
  // Stryker disable next-line EqualityOperator: the same highest word either way (equal words change nothing; index 2n + 1 is past the end either way).
  for (let index = 3; index < words.length; index += 2) if (words[index] > highest) highest = words[index];
  return highest;
}

export function countBuckets(words: Uint32Array, floor: number, shift: number, counts: Int32Array): void {
  // Stryker disable next-line EqualityOperator: the odd indices stop at 2n - 1 under either bound.
  for (let index = 1; index < words.length; index += 2) {
    const word = words[index];
    // Stryker disable next-line EqualityOperator: a word equal to the floor goes to bucket 0 either way.
    counts[word <= floor ? 0 : (word - floor) >>> shift]++;
  }
}
