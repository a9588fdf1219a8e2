// How long one inference takes on an executor (README, "Where a model's time comes from"): the
// roofline, the larger of its arithmetic time (gflop over the executor's throughput) and its
// memory time (the megabytes it reads over the executor's memory bandwidth), the latter only
// where the bandwidth is known. A measured latency projects to other hardware by the ratio of
// the two executors' rooflines, so that it stays as measured on its own hardware and a model
// that is memory-bound on the target is not made faster than its bandwidth allows. The runtime's
// per-call overhead within it (measured by placewise bench on a trivial model) is not compute:
// it is taken out before scaling and added back as measured.

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

/** A latency measured with `placewise bench`: its median, 95th percentile and the runtime's per-call share of them. */
export interface MeasuredLatency {
  p50: number;
  p95?: number;
  overhead_ms?: number;
}

/**
 * A measured latency projected from `measuredOn` to `target`: the overhead stays as measured,
 * the rest (the compute) scales by the rooflines' ratio, its implied work taken from the
 * compute alone: overhead + (ms - overhead) x factor.
 */
export function projectMeasuredLatency(
  measured: MeasuredLatency,
  mb: number,
  gflop: number | undefined,
  measuredOn: Executor,
  target: Executor,
): { p50: number; p95?: number } {
  const overhead = measured.overhead_ms ?? 0;
  const factor = projectionFactor(measured.p50 - overhead, mb, gflop, measuredOn, target);
  const project = (ms: number) => overhead + (ms - overhead) * factor;
  return { p50: project(measured.p50), ...(measured.p95 === undefined ? {} : { p95: project(measured.p95) }) };
}
