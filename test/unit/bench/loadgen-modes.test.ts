// Short real runs of the LoadGen modes through the child-process runner: offline batching and
// lanes against single-stream, server-mode validity at a rate far past what the machine
// sustains, and onnxruntime's per-call overhead. Figures are checked for what must hold on any machine, however loaded.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runBenchmark } from '../../../bench/runner/run-benchmark';
import { node, valueInfo, writeModel } from './onnx-builder';

describe('offline mode', () => {
  it('issues every query at once and takes them a batch per run, reporting samples per second', async () => {
    const report = await runBenchmark({
      model: 'bundled:paddleocr-cls',
      mode: 'offline',
      batch: [1, 8],
      threads: [1],
      iterations: 20,
      warmup: 1,
    });
    const [single, batched] = report.results;
    expect(single.iterations).toBe(20);
    // 20 samples in runs of 8: three runs, the last padded to a full batch of the batched shape.
    expect(batched.shape.x).toEqual([8, 3, 48, 192]);
    expect(batched.iterations).toBe(3);
    for (const result of report.results) {
      expect(result.samples).toBe(20);
      // Samples over the wall time, both rounded to 3 decimals (the time to the millisecond).
      expect(Math.abs(result.samples_per_s! * result.measure_s - 20)).toBeLessThanOrEqual(
        result.samples_per_s! * 0.0005 + result.measure_s * 0.0005,
      );
      expect(result.throughput_ips).toBe(result.samples_per_s);
    }
  });

  it("uses every core, so its throughput is at least single-stream's", async () => {
    // Each mode with its defaults, interleaved (S O S O ...) so that a change in the machine's
    // load falls on both alike. The tolerance is the runs' own spread: the widest range of
    // either mode's throughputs; medians further apart than that are not noise. Offline held to
    // one lane, or forced to batches that do not pay, gives up throughput single-stream has,
    // which fails here wherever the machine is quiet enough for that gap to exceed the spread;
    // on a loaded machine the spread grows with the load, so the test does not flake.
    const pairs = 3;
    const single: number[] = [];
    const offline: number[] = [];
    const cores = availableParallelism();
    for (let pair = 0; pair < pairs; pair++) {
      for (const mode of ['single-stream', 'offline'] as const) {
        const report = await runBenchmark({ model: 'bundled:paddleocr-cls', mode, iterations: 40, warmup: 2 });
        const [result] = report.results;
        if (mode === 'offline') {
          // One lane per core, each with its share of the cores, batch 1: no padding.
          expect(result.concurrency).toBe(cores);
          expect(result.threads).toBe(1);
          expect(result.batch).toBe(1);
          expect(result.samples).toBe(40);
          offline.push(result.samples_per_s!);
        } else single.push(result.throughput_ips);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const range = (values: number[]) => Math.max(...values) - Math.min(...values);
    const tolerance = Math.max(range(single), range(offline));
    expect(median(offline), `offline ${offline.join(', ')}; single-stream ${single.join(', ')}`).toBeGreaterThanOrEqual(
      median(single) - tolerance,
    );
  });

  it('runs the queries of a model with a fixed batch dimension one per run, and says so', async () => {
    const file = writeModel('fixed-batch.onnx', {
      nodes: [node('Relu', ['x'], ['y'])],
      inputs: [valueInfo('x', [1, 16])],
      outputs: [valueInfo('y', [1, 16])],
    });
    const report = await runBenchmark({
      model: file,
      mode: 'offline',
      batch: [4],
      threads: [1],
      iterations: 6,
      warmup: 0,
    });
    const [result] = report.results;
    expect(result.batch).toBe(1);
    expect(result.iterations).toBe(6);
    expect(result.samples).toBe(6);
    expect(result.batching_note).toBe(
      "input 'x' has a fixed first dimension (1): --batch 4 cannot batch its queries, so each run takes one",
    );
  });
});

describe('server mode', () => {
  it('marks a run at ten times the sustainable rate invalid, with the reason, and keeps its figures', async () => {
    const single = await runBenchmark({ model: 'bundled:paddleocr-cls', threads: [1], iterations: 10, warmup: 1 });
    // One lane cannot serve more than one query per fastest run: ten times that is unsustainable.
    const sustainable = 1000 / single.results[0].latency_ms.min;
    const rate = Math.round(10 * sustainable);
    const report = await runBenchmark({
      model: 'bundled:paddleocr-cls',
      mode: 'server',
      rateQps: rate,
      concurrency: 1,
      latencyBoundMs: single.results[0].latency_ms.min,
      threads: [1],
      iterations: 30,
      warmup: 1,
    });
    const [result] = report.results;
    expect(report.latency_bound_ms).toBe(single.results[0].latency_ms.min);
    expect(result.concurrency).toBe(1);
    expect(result.iterations).toBe(30);
    expect(result.valid).toBe(false);
    expect(result.achieved_rate_qps).toBeLessThan(0.99 * rate);
    expect(result.invalid_reason).toContain(
      `achieved ${result.achieved_rate_qps} queries/s, below 99% of the offered ${rate} (the machine did not keep up)`,
    );
    // Queueing behind 29 earlier queries puts p99 far above one run's fastest time.
    expect(result.invalid_reason).toContain(`p99 latency ${result.latency_ms.p99} ms exceeds the bound`);
    // The overhead of a call is part of each run, and less than the model's median.
    expect(result.overhead_ms).toBeGreaterThan(0);
    expect(result.overhead_ms).toBeLessThan(single.results[0].latency_ms.p50);
    expect(single.results[0].overhead_ms).toBeGreaterThan(0);
    expect(single.results[0].overhead_ms).toBeLessThan(single.results[0].latency_ms.p50);
  });
});
