// How long one inference takes on an executor (README, "Where a model's time comes from"): the
// roofline, the larger of its arithmetic time (gflop over the executor's throughput) and its
// memory time (the megabytes it reads over the executor's memory bandwidth), the latter only
// where the bandwidth is known. A measured latency projects to other hardware by the ratio of
// the two executors' rooflines, so that it stays as measured on its own hardware and a model
// that is memory-bound on the target is not made faster than its bandwidth allows.

/** The part of a device one inference runs on: its throughput and, where known, its bandwidth. */
export interface Executor {
  /** 10^9 operations per second. */
  gflops: number;
  /** GB (10^9 bytes) per second; undefined when unknown (arithmetic time only). */
  memoryGbps?: number;
}

/** The work of one inference. */
export interface InferenceWork {
  gflop: number;
  /** Megabytes (10^6 bytes) read from memory. */
  mb: number;
}

/** Seconds of one inference on the executor: max(gflop / gflops, mb / 1000 / memory_gbps). */
export function rooflineSeconds(work: InferenceWork, executor: Executor): number {
  const arithmetic = work.gflop / executor.gflops;
  if (executor.memoryGbps === undefined) return arithmetic;
  return Math.max(arithmetic, work.mb / 1000 / executor.memoryGbps);
}

/**
 * The factor by which a latency of `ms` measured on `measuredOn` scales to `target`: the ratio
 * of the two rooflines. `gflop` is the model's work where known; otherwise the work the
 * measurement implies on its hardware (ms x gflops), which makes the arithmetic ratio the
 * throughputs' ratio, as it was before memory bandwidth was known.
 */
export function projectionFactor(
  ms: number,
  mb: number,
  gflop: number | undefined,
  measuredOn: Executor,
  target: Executor,
): number {
  const work = { gflop: gflop ?? (ms / 1000) * measuredOn.gflops, mb };
  return rooflineSeconds(work, target) / rooflineSeconds(work, measuredOn);
}
