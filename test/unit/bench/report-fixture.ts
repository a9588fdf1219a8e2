// A results file written out by hand, as `placewise bench` would on a Raspberry Pi.
import { listBundledModels } from '../../../bench/models/list-bundled';
import type { BenchCalibration, BenchReport, BenchResult } from '../../../bench/report/bench-report';

/** The Pi's calibration: the two OCR models ran at 20 GFLOPS there. */
export const PI_CALIBRATION: BenchCalibration = {
  gflops: 20,
  threads: 4,
  models: [{ id: 'paddleocr-rec', sha256: 'b'.repeat(64), gflop: 1.4564, p50_ms: 72.82, iterations: 3, stable: true }],
};

/** The SHA-256 of a bundled model's file: the results of a real bundled model carry it. */
export function bundledSha256(id: string): string {
  return listBundledModels().find((model) => model.id === id)!.sha256;
}

export function benchResult(overrides: Partial<BenchResult>): BenchResult {
  return {
    threads: 4,
    batch: 1,
    shape: { x: [1, 3, 640, 640] },
    gflop: 4.8,
    load_ms: 300,
    first_run_ms: 250,
    warmup: 5,
    iterations: 30,
    measure_s: 1.5,
    latency_ms: { min: 45, mean: 49, p50: 48, p90: 52, p95: 55, p99: 60, max: 61, sd: 3 },
    throughput_ips: 20.4,
    peak_rss_mb: 260,
    stable: true,
    windows_p50_ms: [48, 48, 48, 48, 48],
    ...overrides,
  };
}

/** A results file of paddleocr-det from the Pi; without `calibration`, one made before calibration existed. */
export function piReport(results: BenchResult[], calibration?: BenchCalibration): BenchReport {
  return {
    placewise_bench: 1,
    created: '2026-11-20T09:00:00.000Z',
    model: {
      file: '/home/pi/ocr/det.onnx',
      id: 'paddleocr-det',
      sha256: bundledSha256('paddleocr-det'),
      size_mb: 4.746,
      params: 1171841,
      flops: { total: 4.8e9, by_op: { Conv: 4.6e9, Add: 0.2e9 } },
      flops_shape: { x: [1, 3, 640, 640] },
      uncounted_ops: [],
      inputs: [{ name: 'x', type: 'float32', shape: ['N', 3, 'H', 'W'] }],
      outputs: [{ name: 'y', type: 'float32', shape: ['N', 1, 'H', 'W'] }],
    },
    host: {
      name: 'Raspberry Pi 5 (kitchen)',
      cpu: 'Cortex-A76',
      cores: 4,
      memory_gb: 8.2,
      os: 'Linux 6.6 arm64',
      node: 'v20.19.0',
      onnxruntime: '1.30.0',
    },
    mode: 'single-stream',
    seed: 1,
    session_options: { intraOpNumThreads: [1, 4] },
    results,
    ...(calibration ? { calibration } : {}),
  };
}
