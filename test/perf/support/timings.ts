// How the browser benchmarks print a set of timings.

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** `median 120 ms (min 100, max 180, n=10)` */
export function describeTimings(values: number[]): string {
  return `median ${Math.round(median(values))} ms (min ${Math.round(Math.min(...values))}, max ${Math.round(Math.max(...values))}, n=${values.length})`;
}
