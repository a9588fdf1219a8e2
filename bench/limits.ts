// The defaults and bounds of a benchmark, in one place for `placewise bench` and the app's startBenchmark:
// runBenchmark checks every request against them before anything starts, and the API's argument
// schema (electron/api/arguments.ts) runs the same check so that the app hears at once. Beyond
// them a run would never end (a rate of one query a year), starve the machine (100,000 threads)
// or allocate more memory than it has (an input of 20000x20000 floats).
import type { InputShapes } from './inspect/resolve-shapes';
import type { BenchRequest } from './report/bench-report';
import { BENCH_MODES } from './runner/protocol';

export const DEFAULT_ITERATIONS = 50;
export const DEFAULT_WARMUP = 5;

/** `bench --on-device`: ten minutes, time to pick up a phone, scan the code, download the model and measure it. */
export const DEFAULT_DEVICE_TIMEOUT_S = 600;
/** A day: far beyond any benchmark, and within what Node's timers can hold. */
export const MAX_DEVICE_TIMEOUT_S = 86_400;

export const BENCH_LIMITS = {
  /** intra-op threads per configuration. */
  threads: 256,
  batch: 1024,
  /** Values in one --threads or --batch sweep (each value is a configuration, or several). */
  sweepValues: 16,
  warmup: 1000,
  iterations: 100_000,
  durationS: 3600,
  /** Server mode: queries per second. */
  rateQps: 100_000,
  /** Server and offline modes: runs in flight, each a worker thread with its own session. */
  concurrency: 64,
  /** Server mode by --iterations: the arrivals must be expected within this many seconds. */
  serverArrivalsS: 3600,
  /** Server mode by --duration: at least this many arrivals must be expected. */
  serverQueries: 10,
  /**
   * `placewise split`: profiled runs that time each node. The profiler's trace is about 100 kB
   * per run of a model of a few hundred nodes, read whole at the end.
   */
  splitRuns: 200,
  /** Elements of one input tensor: 2^25, 128 MiB as float32. */
  inputElements: 2 ** 25,
} as const;

const count = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 3 });

/** Describes a number too large or too small to print in full (1e300, 5e-10) readably. */
const figure = (value: number) =>
  Math.abs(value) >= 1e9 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(2) : count(value);

/** What is wrong with a request, naming the option and its limit; null when nothing is. */
export function benchRequestProblem(request: BenchRequest): string | null {
  return (
    sweepProblem('--threads', request.threads, BENCH_LIMITS.threads) ??
    sweepProblem('--batch', request.batch, BENCH_LIMITS.batch) ??
    wholeNumberProblem('--warmup', request.warmup, 0, BENCH_LIMITS.warmup) ??
    wholeNumberProblem('--iterations', request.iterations, 1, BENCH_LIMITS.iterations) ??
    durationProblem(request) ??
    rateProblem(request) ??
    serverOnlyProblem(request)
  );
}

function sweepProblem(option: string, values: readonly number[] | undefined, limit: number): string | null {
  if (values === undefined) return null;
  if (values.length === 0 || values.some((value) => !Number.isInteger(value) || value <= 0)) {
    return `${option} must be positive whole numbers, got ${values.join(',') || 'none'}`;
  }
  const over = values.find((value) => value > limit);
  if (over !== undefined) return `${option} ${figure(over)} is over the limit of ${count(limit)}`;
  if (values.length > BENCH_LIMITS.sweepValues) {
    return `${option} lists ${values.length} values; the limit is ${BENCH_LIMITS.sweepValues} per run`;
  }
  return null;
}

function wholeNumberProblem(option: string, value: number | undefined, least: number, limit: number): string | null {
  if (value === undefined) return null;
  if (!Number.isInteger(value) || value < least) {
    return `${option} must be a whole number${least > 0 ? ' above 0' : ''}, got ${value}`;
  }
  return value > limit ? `${option} ${figure(value)} is over the limit of ${count(limit)}` : null;
}

function durationProblem({ iterations, durationS }: BenchRequest): string | null {
  if (durationS === undefined) return null;
  if (iterations !== undefined) return 'give --iterations or --duration, not both';
  if (!(durationS > 0)) return `--duration must be a positive number of seconds, got ${durationS}`;
  return durationS > BENCH_LIMITS.durationS
    ? `--duration ${figure(durationS)} s is over the limit of ${count(BENCH_LIMITS.durationS)} s`
    : null;
}

function rateProblem({ mode = 'single-stream', rateQps, iterations, durationS }: BenchRequest): string | null {
  if (!BENCH_MODES.includes(mode)) return `--mode must be one of ${BENCH_MODES.join(', ')}, got '${mode}'`;
  if (mode !== 'server') return rateQps === undefined ? null : '--rate applies to --mode server only';
  if (rateQps === undefined || !(rateQps > 0)) return '--mode server needs --rate QPS (queries per second, above 0)';
  if (rateQps > BENCH_LIMITS.rateQps) {
    return `--rate ${figure(rateQps)} QPS is over the limit of ${count(BENCH_LIMITS.rateQps)} QPS`;
  }
  if (durationS !== undefined) {
    const expected = rateQps * durationS;
    return expected < BENCH_LIMITS.serverQueries
      ? `--rate ${figure(rateQps)} QPS for --duration ${count(durationS)} s expects ${figure(expected)} ${expected === 1 ? 'query' : 'queries'}; the least is ${BENCH_LIMITS.serverQueries} (raise --rate or --duration)`
      : null;
  }
  const queries = iterations ?? DEFAULT_ITERATIONS;
  const seconds = queries / rateQps;
  return seconds > BENCH_LIMITS.serverArrivalsS
    ? `--rate ${figure(rateQps)} QPS: ${count(queries)} queries arrive over about ${figure(seconds)} s; the limit is ${count(BENCH_LIMITS.serverArrivalsS)} s (raise --rate or lower --iterations)`
    : null;
}

function serverOnlyProblem({ mode = 'single-stream', concurrency, latencyBoundMs }: BenchRequest): string | null {
  if (mode === 'single-stream' && concurrency !== undefined) {
    return '--concurrency applies to --mode server or offline only';
  }
  if (mode !== 'server' && latencyBoundMs !== undefined) return '--latency-bound-ms applies to --mode server only';
  if (latencyBoundMs !== undefined && !(latencyBoundMs > 0 && Number.isFinite(latencyBoundMs))) {
    return `--latency-bound-ms must be a positive number of milliseconds, got ${latencyBoundMs}`;
  }
  return wholeNumberProblem('--concurrency', concurrency, 1, BENCH_LIMITS.concurrency);
}

/** What is wrong with the inputs' sizes at these shapes, naming the input and the limit; null when nothing is. */
export function inputSizeProblem(shapes: InputShapes): string | null {
  for (const [name, dims] of Object.entries(shapes)) {
    const elements = dims.reduce((product, dim) => product * dim, 1);
    if (elements > BENCH_LIMITS.inputElements) {
      return `input '${name}' [${dims.map(figure).join(',')}] has ${figure(elements)} elements; the limit is ${count(BENCH_LIMITS.inputElements)} per input (128 MiB as float32)`;
    }
  }
  return null;
}
