// Short real runs of every bundled model through the child-process runner, plus the sweep,
// modes, progress, cancellation and the input errors onnxruntime raises. Figures are checked
// for consistency, never against wall-clock expectations (the machine is shared).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BenchAbortedError, InputShapeError, ModelFileError } from '../../../bench/errors';
import { loadModel } from '../../../bench/inspect/model-facts';
import { BUNDLED_MODELS } from '../../../bench/models/bundled-models';
import type { BenchProgress } from '../../../bench/report/bench-report';
import { runBenchmark } from '../../../bench/runner/run-benchmark';
import { writeBytes } from './onnx-builder';

// Regression pins of the FLOP count at the default shapes (GFLOP, 4 decimals); the formulas
// themselves are pinned on hand-built models in flop-count.test.ts.
const GFLOP_AT_DEFAULT_SHAPE: Record<string, number> = {
  'paddleocr-det': 4.7688,
  'paddleocr-rec': 1.4564,
  'paddleocr-cls': 0.0362,
  'silero-vad': 0.0042,
};

const childProcessesOfThisOne = () =>
  execFileSync('ps', ['-o', 'args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('bench-child'));

describe('runBenchmark on the bundled models', () => {
  for (const bundled of BUNDLED_MODELS) {
    it(`measures ${bundled.id} at its default shape`, async () => {
      const report = await runBenchmark({ model: `bundled:${bundled.id}`, iterations: 6, warmup: 1, threads: [1] });
      const { facts } = loadModel(`bundled:${bundled.id}`);
      expect(report.model.sha256).toBe(facts.sha256);
      expect(report.model.id).toBe(bundled.id);
      expect(report.model.uncounted_ops).toEqual([]);
      expect(report.model.flops.total / 1e9).toBeCloseTo(GFLOP_AT_DEFAULT_SHAPE[bundled.id], 4);
      expect(report.host.onnxruntime).toBe('1.30.0');
      expect(report.host.cores).toBeGreaterThan(0);
      const [result] = report.results;
      expect(result.shape).toEqual(bundled.defaultShapes);
      expect(result.iterations).toBe(6);
      expect(result.samples_ms).toHaveLength(6);
      const { min, p50, p99, max } = result.latency_ms;
      expect(min).toBeGreaterThan(0);
      expect(min).toBeLessThanOrEqual(p50);
      expect(p50).toBeLessThanOrEqual(p99);
      expect(p99).toBeLessThanOrEqual(max);
      expect(result.throughput_ips).toBeGreaterThan(0);
      expect(result.peak_rss_mb).toBeGreaterThan(facts.size_mb);
      expect(result.load_ms).toBeGreaterThan(0);
      expect(result.windows_p50_ms).toHaveLength(2);
    });
  }
});

describe('runBenchmark options', () => {
  it('sweeps batch sizes, each at its own shape and work', async () => {
    const report = await runBenchmark({
      model: 'bundled:paddleocr-cls',
      batch: [1, 2],
      threads: [1],
      iterations: 3,
      warmup: 0,
    });
    expect(report.results.map((result) => [result.batch, result.shape.x])).toEqual([
      [1, [1, 3, 48, 192]],
      [2, [2, 3, 48, 192]],
    ]);
    // Every counted operator scales with the batch, so the work doubles (gflop is rounded to 6 decimals).
    expect(report.results[1].gflop).toBeCloseTo(2 * report.results[0].gflop, 5);
    expect(report.model.flops_shape).toEqual({ x: [1, 3, 48, 192] });
  });

  it('runs server mode at a rate and duration mode, reporting progress in order', async () => {
    const progress: BenchProgress[] = [];
    const report = await runBenchmark(
      { model: 'bundled:silero-vad', mode: 'server', rateQps: 400, durationS: 0.3, threads: [1], warmup: 2 },
      { onProgress: (p) => progress.push(p) },
    );
    expect(report.mode).toBe('server');
    expect(report.rate_qps).toBe(400);
    // Every one of the 400 x 0.3 arrivals is either served or counted as unserved, however fast
    // this machine is at the moment: a busy machine serves fewer.
    const [result] = report.results;
    expect(result.iterations).toBeGreaterThan(0);
    expect(result.iterations + result.unserved!).toBe(120);
    expect(result.samples_ms).toHaveLength(result.iterations);
    expect(result.utilization).toBeGreaterThan(0);
    expect(progress.map((p) => p.phase)).toContain('warmup');
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(Math.max(...fractions)).toBeLessThanOrEqual(1);
    for (const step of progress) expect(step.done).toBeLessThanOrEqual(step.total);
  });

  it('kills the child process when cancelled', async () => {
    const controller = new AbortController();
    const run = runBenchmark(
      { model: 'bundled:paddleocr-det', iterations: 100000, threads: [1], warmup: 0 },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'load') controller.abort();
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(BenchAbortedError);
    for (let tries = 0; tries < 50 && childProcessesOfThisOne().length > 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(childProcessesOfThisOne()).toEqual([]);
  });

  it('reports a shape the model rejects as an input error naming the file and shapes', async () => {
    const run = runBenchmark({
      model: 'bundled:paddleocr-det',
      shapes: { x: [1, 3, 100, 100] },
      iterations: 1,
      threads: [1],
    });
    await expect(run).rejects.toBeInstanceOf(InputShapeError);
    await expect(run).rejects.toThrow(
      /ch_PP-OCRv4_det_infer\.onnx: the model rejects the input shapes x=\[1,3,100,100\]: /,
    );
  });

  it('rejects a truncated model before starting any process', async () => {
    const file = writeBytes('half.onnx', new Uint8Array([0x08, 0x08, 0x12, 0x40, 0x01]));
    await expect(runBenchmark({ model: file })).rejects.toBeInstanceOf(ModelFileError);
  });

  it('checks the request', async () => {
    await expect(runBenchmark({ model: 'bundled:silero-vad', mode: 'server' })).rejects.toThrow(
      'bundled:silero-vad: --mode server needs --rate QPS',
    );
    await expect(runBenchmark({ model: 'bundled:silero-vad', threads: [0] })).rejects.toThrow(
      '--threads must be positive whole numbers, got 0',
    );
    await expect(runBenchmark({ model: 'bundled:silero-vad', iterations: 5, durationS: 1 })).rejects.toThrow(
      'give --iterations or --duration, not both',
    );
  });
});
