// A device's posted measurement as a results file of the form `placewise bench --out` writes
// (DESIGN.md section 6): the same model summary (counted here, at the shapes the device ran),
// the same statistics and stability verdict over the raw latencies, and the device as the host.
import type { ModelInspection } from '../inspect/inspect-model';
import type { InputShapes } from '../inspect/resolve-shapes';
import { BENCH_REPORT_VERSION, type BenchReport, type BenchResult, MAX_SAMPLES } from '../report/bench-report';
import { roundSummary, summarizeLatencies } from '../stats/latency-stats';
import { judgeStability } from '../stats/stability';
import { describeDevice } from './device-host';
import type { DeviceMeasurement } from './device-protocol';

export interface DeviceRun {
  inspection: ModelInspection & { shape: InputShapes; flops: NonNullable<ModelInspection['flops']> };
  batch: number;
  warmup: number;
  seed: number;
  measurement: DeviceMeasurement;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function deviceBenchReport({ inspection, batch, warmup, seed, measurement }: DeviceRun): BenchReport {
  const latencies = measurement.latencies_ms;
  const stability = judgeStability(latencies);
  const measure_s = measurement.measure_ms / 1000;
  const result: BenchResult = {
    threads: measurement.threads,
    batch,
    shape: inspection.shape,
    gflop: Math.round((inspection.flops.total / 1e9) * 1e6) / 1e6,
    load_ms: round(measurement.load_ms),
    first_run_ms: round(measurement.first_run_ms),
    warmup,
    iterations: latencies.length,
    measure_s: round(measure_s),
    latency_ms: roundSummary(summarizeLatencies(latencies)),
    throughput_ips: measure_s > 0 ? round((latencies.length * batch) / measure_s) : 0,
    // A page cannot see its process's memory: 0 means not measured.
    peak_rss_mb: 0,
    ...(measurement.overhead_ms === undefined ? {} : { overhead_ms: round(measurement.overhead_ms) }),
    stable: stability.stable,
    windows_p50_ms: stability.windows_p50_ms,
    ...(stability.stable ? {} : { unstable_reason: stability.reason }),
    ...(latencies.length <= MAX_SAMPLES ? { samples_ms: latencies.map(round) } : {}),
  };
  return {
    placewise_bench: BENCH_REPORT_VERSION,
    created: new Date().toISOString(),
    model: {
      file: inspection.file,
      ...(inspection.id ? { id: inspection.id } : {}),
      sha256: inspection.sha256,
      size_mb: inspection.size_mb,
      params: inspection.params,
      flops: inspection.flops,
      flops_shape: inspection.shape,
      uncounted_ops: inspection.uncounted_ops,
      inputs: inspection.inputs,
      outputs: inspection.outputs,
    },
    host: describeDevice(measurement),
    mode: 'single-stream',
    seed,
    session_options: {
      executionProviders: [measurement.executionProvider],
      numThreads: measurement.threads,
      graphOptimizationLevel: 'all',
    },
    results: [result],
  };
}
