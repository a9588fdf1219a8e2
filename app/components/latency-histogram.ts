// Bins of a latency sample for the benchmark's distribution chart.

export interface HistogramBin {
  /** Lower edge of the bin, ms. */
  from_ms: number;
  label: string;
  runs: number;
}

export function latencyHistogram(samples: readonly number[], binCount = 24): HistogramBin[] {
  if (samples.length === 0) return [];
  const min = Math.min(...samples);
  const max = Math.max(...samples);
  const width = max > min ? (max - min) / binCount : 1;
  const bins = Array.from({ length: max > min ? binCount : 1 }, (_, index) => {
    const from = min + index * width;
    return { from_ms: from, label: from.toPrecision(3), runs: 0 };
  });
  for (const sample of samples) bins[Math.min(bins.length - 1, Math.floor((sample - min) / width))].runs += 1;
  return bins;
}
