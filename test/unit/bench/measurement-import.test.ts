// What importing a measurement does to the simulated figures (the precedence rule and
// projection through the calibration), and what it refuses or warns about.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BenchReportError } from '../../../bench/errors';
import { applyBenchToScenario } from '../../../bench/projection/apply-to-scenario';
import type { BenchReport } from '../../../bench/report/bench-report';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import { HARDWARE_LIBRARY } from '../../../simulator/scenario/hardware-library';
import { parseScenarioText } from '../../../simulator/scenario/load';
import { benchResult, PI_CALIBRATION, piReport } from './report-fixture';

// Two detectors of the same work, one step each, both on a mid-range phone (one executor per
// user), and a third step on the Pi that measured them.
const SCENARIO = `placewise: 1
name: Two detectors
components:
  - id: phone
    kind: phone
    hardware: phone-midrange
  - id: pi
    kind: edge
    scope: per-user
    hardware: raspberry-pi-5-kitchen
links:
  - { id: phone-pi, between: [phone, pi], tech: wifi }
hardware:
  raspberry-pi-5-kitchen: { cores: 4, gflops: 5 }   # a stand-in until measured
models:
  - id: ocr-det
    file: bundled:paddleocr-det
    size_mb: 4.7
    gflop: 4.8
  - id: det-copy
    size_mb: 4.7
    gflop: 4.8
workload:
  users: 1
  per_user_rps: 1
  source: phone
  requests: 100
pipeline:
  - { id: first, model: ocr-det }
  - { id: second, model: det-copy }
  - { id: third, model: ocr-det, at: pi }
options:
  - id: on-phone
    place: { first: phone, second: phone }
`;

/** Mean time of each step of the only option, in pipeline order (ms). */
function stepMeans(text: string): number[] {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => `${error.path}: ${error.message}`).join('\n'));
  const system = buildSystemModel(parsed.scenario);
  return buildOptionPlan(system, parsed.scenario.options[0]).steps.map((step) => step.primary.service.mean);
}

/** The throughput a scenario's text gives a hardware profile, however the file writes it. */
function profileGflops(text: string, profileId: string): number | undefined {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => `${error.path}: ${error.message}`).join('\n'));
  return parsed.scenario.hardware?.[profileId]?.gflops;
}

/** A calibrated Pi run with a constant latency (p95 = p50), so that step times are exact. */
function measured(p50: number, overrides: Partial<BenchReport> = {}): BenchReport {
  const latency = { ...benchResult({}).latency_ms, p50, p95: p50 };
  return { ...piReport([benchResult({ latency_ms: latency })], PI_CALIBRATION), ...overrides };
}

const PHONE_GFLOPS = HARDWARE_LIBRARY['phone-midrange'].gflops;

describe('a measured latency in the simulation', () => {
  it('wins over gflop: importing changes the step time of a model that has gflop', () => {
    const before = stepMeans(SCENARIO);
    expect(before[0]).toBeCloseTo((4.8 / PHONE_GFLOPS) * 1000, 9);
    const after = stepMeans(applyBenchToScenario(SCENARIO, measured(48), 'ocr-det').text);
    // Measured on the Pi (20 GFLOPS calibrated), projected to the phone: 48 ms x 20 / phone.
    expect(after[0]).toBeCloseTo((48 * PI_CALIBRATION.gflops) / PHONE_GFLOPS, 9);
    expect(after[0]).not.toBeCloseTo(before[0], 3);
    expect(after[1]).toBe(before[1]);
  });

  it('is used as measured on the hardware that measured it', () => {
    const after = stepMeans(applyBenchToScenario(SCENARIO, measured(48), 'ocr-det').text);
    expect(after[2]).toBeCloseTo(48, 9);
  });

  it('projects two models of the same FLOPs by their measured times, not by their FLOPs', () => {
    const once = applyBenchToScenario(SCENARIO, measured(48), 'ocr-det').text;
    const slowCopy = measured(96, { model: { ...measured(96).model, id: undefined, file: '/home/pi/copy.onnx' } });
    const both = applyBenchToScenario(once, slowCopy, 'det-copy').text;
    const [fast, slow] = stepMeans(both);
    // Same gflop, same calibrated Pi: on the phone the slower one stays twice as slow.
    expect(slow / fast).toBeCloseTo(2, 9);
  });

  it("keeps onnxruntime's per-call overhead out of the projection, and the whole latency on the Pi", () => {
    const report = measured(48);
    report.results[0].overhead_ms = 8;
    const applied = applyBenchToScenario(SCENARIO, report, 'ocr-det').text;
    expect(applied).toContain('overhead_ms: 8');
    const [phone, , pi] = stepMeans(applied);
    // 8 ms of overhead as measured, the other 40 ms projected to the phone as compute.
    expect(phone).toBeCloseTo(8 + (40 * PI_CALIBRATION.gflops) / PHONE_GFLOPS, 9);
    expect(pi).toBeCloseTo(48, 9);
  });

  it('keeps projecting with the profile already there when an older file has no calibration', () => {
    const calibrated = applyBenchToScenario(SCENARIO, measured(48), 'ocr-det', { profileId: 'pi-5' }).text;
    const old = piReport([benchResult({ latency_ms: { ...benchResult({}).latency_ms, p50: 96, p95: 96 } })]);
    const applied = applyBenchToScenario(calibrated, old, 'ocr-det', { profileId: 'pi-5' });
    expect(profileGflops(applied.text, 'pi-5')).toBe(20);
    expect(applied.warnings).toEqual([
      expect.stringMatching(/^the results have no calibration .*hardware\.pi-5 stays as it is/),
    ]);
    const fresh = applyBenchToScenario(SCENARIO, old, 'ocr-det', { profileId: 'pi-5' });
    // No profile to keep: the model's own 4.8 GFLOP in 96 ms, and a warning that says what follows.
    expect(profileGflops(fresh.text, 'pi-5')).toBe(50);
    expect(fresh.warnings[0]).toMatch(/projecting it to other hardware follows its FLOPs, not its measured time/);
  });
});

describe('importing a measurement', () => {
  const folder = mkdtempSync(join(tmpdir(), 'placewise-import-'));
  const weights = 'not really weights, but bytes with a hash';
  writeFileSync(join(folder, 'det.onnx'), weights);
  const weightsSha = createHash('sha256').update(weights).digest('hex');
  const withFile = (file: string) => SCENARIO.replace('file: bundled:paddleocr-det', `file: ${file}`);
  const ofFile = (file: string, sha256: string) =>
    measured(48, { model: { ...measured(48).model, id: undefined, file, sha256 } });

  it('refuses an invalid server-mode run, naming the results file and the reason', () => {
    const reason = 'achieved 480 queries/s, below 99% of the offered 5000 (the machine did not keep up)';
    const invalid = { ...measured(48), mode: 'server' as const, rate_qps: 5000 };
    invalid.results[0] = { ...invalid.results[0], valid: false, invalid_reason: reason };
    expect(() => applyBenchToScenario(SCENARIO, invalid, 'ocr-det', { resultsFile: 'pi.json' })).toThrow(
      new BenchReportError(
        'pi.json',
        `the server-mode run is invalid (threads 4, batch 1: ${reason}): an invalid run cannot stand for the model's latency; measure again at a lower --rate or a higher --latency-bound-ms`,
      ),
    );
  });

  it('refuses results of another model file than the scenario model’s, by SHA-256', () => {
    const other = measured(48, { model: { ...measured(48).model, sha256: 'c'.repeat(64) } });
    expect(() => applyBenchToScenario(SCENARIO, other, 'ocr-det', { scenarioFile: 'two.yaml' })).toThrow(
      new BenchReportError(
        'two.yaml',
        `models[0].file is bundled:paddleocr-det (SHA-256 ${measured(48).model.sha256.slice(0, 12)}…), but the results are of /home/pi/ocr/det.onnx (SHA-256 cccccccccccc…): a measurement of another model file cannot stand for it`,
      ),
    );
    const scenario = withFile('det.onnx');
    expect(() =>
      applyBenchToScenario(scenario, ofFile('/pi/det.onnx', 'd'.repeat(64)), 'ocr-det', { modelFolder: folder }),
    ).toThrow(/models\[0\]\.file is det\.onnx \(SHA-256 .*\), but the results are of \/pi\/det\.onnx/);
    const same = applyBenchToScenario(scenario, ofFile('/pi/renamed.onnx', weightsSha), 'ocr-det', {
      modelFolder: folder,
    });
    expect(same.warnings).toEqual([]);
  });

  it('matches by file name where the scenario’s model file is not here, and says so', () => {
    const scenario = withFile('models/det.onnx');
    expect(() =>
      applyBenchToScenario(scenario, ofFile('/pi/other.onnx', weightsSha), 'ocr-det', { modelFolder: folder }),
    ).toThrow(/models\[0\]\.file is models\/det\.onnx, but the results are of \/pi\/other\.onnx/);
    const applied = applyBenchToScenario(scenario, ofFile('C:\\models\\det.onnx', weightsSha), 'ocr-det', {
      modelFolder: folder,
    });
    expect(applied.warnings).toEqual([
      'models[0].file: models/det.onnx is not readable here, so the results were matched by file name only, not by SHA-256',
    ]);
  });

  it('warns about an unstable run and about a server-mode run past saturation', () => {
    const unstable = piReport(
      [benchResult({ stable: false, unstable_reason: 'window medians range from 40 to 60 ms' })],
      PI_CALIBRATION,
    );
    expect(applyBenchToScenario(SCENARIO, unstable, 'ocr-det').warnings).toEqual([
      'the run was unstable (threads 4, batch 1: window medians range from 40 to 60 ms): its median may not be typical; measure again on a quiet machine',
    ]);
    const saturated = {
      ...piReport([benchResult({ utilization: 2.4, unserved: 300 })], PI_CALIBRATION),
      mode: 'server' as const,
      rate_qps: 50,
    };
    expect(applyBenchToScenario(SCENARIO, saturated, 'ocr-det').warnings).toEqual([
      expect.stringMatching(/^a server-mode run past saturation \(50 queries\/s at utilization 2\.40\)/),
    ]);
    const keptUp = { ...saturated, results: [benchResult({ utilization: 0.6, unserved: 0 })] };
    expect(applyBenchToScenario(SCENARIO, keptUp, 'ocr-det').warnings).toEqual([]);
    // A file from before utilization was recorded: 30 runs in 1.5 s served 20 of 50 queries/s.
    const older = { ...saturated, results: [benchResult({})] };
    expect(applyBenchToScenario(SCENARIO, older, 'ocr-det').warnings).toEqual([
      expect.stringMatching(/^a server-mode run past saturation \(50 queries\/s offered, 20\.0 served per second\)/),
    ]);
  });
});
