// The calibration's choices, with the measuring itself faked: which models, at which settings,
// and how their figures become one throughput.
import { describe, expect, it } from 'vitest';
import type { BenchReport, BenchRequest } from '../../../bench/report/bench-report';
import { calibrateMachine, calibratedGflops } from '../../../bench/runner/calibrate-machine';
import { benchResult, bundledSha256, piReport } from './report-fixture';

// What each calibration model "measures" here: its work and median.
const FIGURES: Record<string, { gflop: number; p50: number }> = {
  'bundled:paddleocr-det': { gflop: 4.8, p50: 300 },
  'bundled:paddleocr-rec': { gflop: 1.5, p50: 50 },
};

function fakeRun() {
  const requests: BenchRequest[] = [];
  const run = async (request: BenchRequest): Promise<BenchReport> => {
    requests.push(request);
    const { gflop, p50 } = FIGURES[request.model];
    return piReport([
      benchResult({ threads: request.threads![0], gflop, latency_ms: { ...benchResult({}).latency_ms, p50 } }),
    ]);
  };
  return { run, requests };
}

describe('calibrateMachine', () => {
  it('measures the OCR models at the reference thread count and sums work over time', async () => {
    const { run, requests } = fakeRun();
    const measured = { ...piReport([benchResult({ threads: 2 }), benchResult({ threads: 4 })]), seed: 7 };
    const vad = { ...measured, model: { ...measured.model, id: 'silero-vad', sha256: bundledSha256('silero-vad') } };
    const calibration = await calibrateMachine(vad, run);
    expect(requests).toEqual([
      { model: 'bundled:paddleocr-det', threads: [4], warmup: 1, iterations: 3, seed: 7 },
      { model: 'bundled:paddleocr-rec', threads: [4], warmup: 1, iterations: 3, seed: 7 },
    ]);
    // (4.8 + 1.5) GFLOP in (300 + 50) ms = 18 GFLOP/s
    expect(calibration.gflops).toBe(18);
    expect(calibration.threads).toBe(4);
    expect(calibration.models.map((model) => [model.id, model.sha256])).toEqual([
      ['paddleocr-det', bundledSha256('paddleocr-det')],
      ['paddleocr-rec', bundledSha256('paddleocr-rec')],
    ]);
  });

  it('leaves out the model benchmarked, by its content', async () => {
    const { run, requests } = fakeRun();
    // A copy of the detection model under another name is still the detection model.
    const copy = piReport([benchResult({})]);
    const renamed = { ...copy, model: { ...copy.model, id: undefined, file: '/home/pi/my-detector.onnx' } };
    const calibration = await calibrateMachine(renamed, run);
    expect(requests.map((request) => request.model)).toEqual(['bundled:paddleocr-rec']);
    expect(calibration.gflops).toBe(30);
  });

  it('weighs each model by its time: the throughput of running each once', () => {
    expect(
      calibratedGflops([
        { gflop: 1, p50_ms: 10 },
        { gflop: 9, p50_ms: 90 },
      ]),
    ).toBe(100);
    expect(
      calibratedGflops([
        { gflop: 1, p50_ms: 100 },
        { gflop: 1, p50_ms: 10 },
      ]),
    ).toBeCloseTo(18.182, 3);
  });

  it("leaves onnxruntime's per-call overhead out of each model's time: it is no work", () => {
    // 3 GFLOP over (110 - 10) + (60 - 10) ms = 0.15 s of compute.
    expect(
      calibratedGflops([
        { gflop: 2, p50_ms: 110, overhead_ms: 10 },
        { gflop: 1, p50_ms: 60, overhead_ms: 10 },
      ]),
    ).toBe(20);
  });
});
