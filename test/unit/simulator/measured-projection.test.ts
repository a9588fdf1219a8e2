// Projection of a measured latency to other hardware with onnxruntime's per-call overhead kept
// out of the compute: figures computed by hand.
import { describe, expect, it } from 'vitest';
import { projectMeasuredLatency } from '../../../simulator/evaluate/roofline';
import { parseScenarioText } from '../../../simulator/scenario/load';

describe('projectMeasuredLatency', () => {
  it('scales only the compute by the throughputs and adds the overhead back as measured', () => {
    // 1 GFLOP: 10 ms on 100 GFLOPS, 20 ms on 50 (factor 2). p50 10 = 2 overhead + 8 compute.
    const projected = projectMeasuredLatency(
      { p50: 10, p95: 14, overhead_ms: 2 },
      0,
      1,
      { gflops: 100 },
      { gflops: 50 },
    );
    expect(projected.p50).toBeCloseTo(2 + 8 * 2, 12);
    expect(projected.p95).toBeCloseTo(2 + 12 * 2, 12);
  });

  it('without an overhead scales the whole latency, as before', () => {
    const projected = projectMeasuredLatency({ p50: 10 }, 0, 1, { gflops: 100 }, { gflops: 50 });
    expect(projected).toEqual({ p50: 20 });
  });

  it('takes the work a measurement implies from its compute alone, which decides the memory-bound case', () => {
    // No gflop: the work is 8 ms of compute x 100 GFLOPS = 0.8 GFLOP, 8 ms of arithmetic on
    // either device. 100 MB takes 2 ms at 50 GB/s here and 10 ms at 10 GB/s there: the target is
    // memory-bound, factor 10 / 8. Counting the overhead as work (1 GFLOP, 10 ms) would give 1.
    const measuredOn = { gflops: 100, memoryGbps: 50 };
    const target = { gflops: 100, memoryGbps: 10 };
    const projected = projectMeasuredLatency({ p50: 10, overhead_ms: 2 }, 100, undefined, measuredOn, target);
    expect(projected.p50).toBeCloseTo(2 + 8 * (10 / 8), 12);
  });
});

describe('latency_ms.overhead_ms in a scenario', () => {
  const scenario = (overhead: number) => `placewise: 1
name: Overhead
components:
  - { id: phone, kind: phone, hardware: phone-midrange }
models:
  - id: vad
    size_mb: 1.8
    latency_ms: { p50: 2, on: phone-midrange, overhead_ms: ${overhead} }
workload: { users: 1, per_user_rps: 1, source: phone, requests: 10 }
pipeline:
  - { id: detect, model: vad }
options:
  - { id: on-phone, place: { detect: phone } }
`;

  it('is refused when it is not below p50, of which it is a part', () => {
    expect(parseScenarioText(scenario(0.5)).ok).toBe(true);
    const parsed = parseScenarioText(scenario(2));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      'models[0].latency_ms.overhead_ms: must be below p50 (2 ms), of which it is a part',
    ]);
  });
});
