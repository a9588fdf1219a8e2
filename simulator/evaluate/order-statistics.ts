// Fast exact order statistics for the large latency arrays of a run.

/**
 * Sorts non-negative finite doubles ascending by an LSD radix sort on their bit patterns (for
 * non-negative IEEE 754 doubles the bit pattern orders like the value): four passes of 16 bits,
 * several times faster than the comparison sort of Float64Array on a million values.
 */
export function sortNonNegative(values: Float64Array): Float64Array {
  const n = values.length;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: both sorts give the same order (the tests compare them); the threshold only picks the faster.
  if (n < 4096) return values.sort();
  let source: Float64Array = values;
  let target: Float64Array = new Float64Array(n);
  let sourceBits: Uint32Array = new Uint32Array(source.buffer, source.byteOffset, n * 2);
  let targetBits: Uint32Array = new Uint32Array(target.buffer, target.byteOffset, n * 2);
  const counts = new Uint32Array(65536);
  // Little-endian: word 2i is the low half of value i, word 2i + 1 the high half.
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let index = 0; index < n; index++) counts[(sourceBits[2 * index + word] >>> shift) & 0xffff]++;
    let total = 0;
    for (let digit = 0; digit < 65536; digit++) {
      const count = counts[digit];
      counts[digit] = total;
      total += count;
    }
    for (let index = 0; index < n; index++) {
      const position = counts[(sourceBits[2 * index + word] >>> shift) & 0xffff]++;
      targetBits[2 * position] = sourceBits[2 * index];
      targetBits[2 * position + 1] = sourceBits[2 * index + 1];
    }
    [source, target] = [target, source];
    [sourceBits, targetBits] = [targetBits, sourceBits];
  }
  return source;
}

/**
 * Rearranges `values` so that values[k] is the k-th smallest (Hoare's quickselect with a
 * median-of-three pivot), and returns it. Expected linear time.
 */
export function selectKth(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  // Stryker disable next-line EqualityOperator: a range of one element partitions to itself and leaves the loop by the `else break` below.
  while (right > left) {
    const middle = (left + right) >> 1;
    const a = values[left];
    const b = values[middle];
    const c = values[right];
    // Stryker disable next-line ConditionalExpression,EqualityOperator,MethodExpression: any of the three values is a pivot within the range, with which Hoare's partition is correct; the median only keeps it fast.
    const pivot = a < b ? (b < c ? b : Math.max(a, c)) : a < c ? a : Math.max(b, c);
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k];
}

/** The type-7 quantile of unsorted values, rearranging them (see quantileOfSorted). */
export function quantileBySelection(values: Float64Array, p: number): number {
  const position = (values.length - 1) * p;
  const low = Math.floor(position);
  const lowValue = selectKth(values, low);
  // Stryker disable next-line LogicalOperator: low + 1 reaches the length only at p = 1, where position equals low; and at a whole position the interpolation below adds (next - lowValue) x 0.
  if (low + 1 >= values.length || position === low) return lowValue;
  // After selection every value right of `low` is at least lowValue; the next order statistic is their minimum.
  let next = Number.POSITIVE_INFINITY;
  // Stryker disable next-line EqualityOperator: a value equal to the minimum is the minimum; one index past the end reads undefined, which is not below anything.
  for (let index = low + 1; index < values.length; index++) if (values[index] < next) next = values[index];
  return lowValue + (next - lowValue) * (position - low);
}
