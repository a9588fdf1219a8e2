import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parse as toPlain } from 'yaml';
import { BenchReportError } from '../../../bench/errors';
import { type ApplyOptions, applyBenchToScenario } from '../../../bench/projection/apply-to-scenario';
import { profileFromReport, profileIdForReport } from '../../../bench/projection/profile-from-report';
import { parseScenarioText } from '../../../simulator/scenario/load';
import type { BenchReport } from '../../../bench/report/bench-report';
import { benchResult, PI_CALIBRATION, piReport } from './report-fixture';

const SCENARIO = `placewise: 1
name: OCR at the door
# The doorbell camera sends frames to a box in the hall.
components:
  - id: camera
    kind: camera
    hardware: glass-explorer   # a stand-in until measured
  - id: hall
    kind: edge
    hardware: phone-midrange
links:
  - id: camera-hall
    between: [camera, hall]
    tech: wifi
    mbps: 20
models:
  - id: ocr-det
    file: bundled:paddleocr-det
    size_mb: 4.7
    gflop: 3.1   # guessed from the paper
workload:
  users: 1
  per_user_rps: 1
  source: camera
  requests: 100
pipeline:
  - id: detect
    model: ocr-det
    output_kb: 8
options:
  - id: on-hub
    place: { detect: hall }
`;

describe('profileFromReport', () => {
  it('takes the calibrated throughput of the machine, not the benchmarked model’s own', () => {
    const profile = profileFromReport(piReport([benchResult({})], PI_CALIBRATION));
    expect(profile.gflops).toBe(20);
    expect(profile.cores).toBe(4);
    expect(profile.ram_mb).toBe(8200);
    expect(profile.label).toBe('Raspberry Pi 5 (kitchen) (Cortex-A76, 4 cores)');
    expect(profile.source).toContain('calibrated on paddleocr-rec (1.4564 GFLOP, p50 72.82 ms) at 4 threads, batch 1');
  });

  it('without calibration (an older file), takes FLOPs over the median at batch 1 with the most threads', () => {
    const report = piReport([
      benchResult({ threads: 1, latency_ms: { ...benchResult({}).latency_ms, p50: 160 } }),
      benchResult({ threads: 4 }),
      benchResult({ threads: 4, batch: 4, gflop: 19.2, latency_ms: { ...benchResult({}).latency_ms, p50: 150 } }),
    ]);
    const profile = profileFromReport(report);
    // 4.8 GFLOP in 48 ms = 100 GFLOP/s
    expect(profile.gflops).toBe(100);
    expect(profile.source).toContain('not calibrated: 4.8 GFLOP / p50 48 ms of the model itself at 4 threads, batch 1');
  });

  it('names a profile after the host it came from, or this-machine for this one', () => {
    const report = piReport([benchResult({})]);
    expect(profileIdForReport(report)).toBe('raspberry-pi-5-kitchen');
    expect(profileIdForReport({ ...report, host: { ...report.host, name: hostname() } })).toBe('this-machine');
  });
});

describe('applyBenchToScenario', () => {
  const report = piReport([benchResult({})], PI_CALIBRATION);
  const apply = (text: string, measured: BenchReport, options: ApplyOptions = {}) =>
    applyBenchToScenario(text, measured, 'ocr-det', options).text;

  it('adds the hardware profile and the measured latency, changing no line the architect wrote', () => {
    const applied = applyBenchToScenario(SCENARIO, report, 'ocr-det');
    expect(applied.warnings).toEqual([]);
    const text = applied.text;
    const added = text.split('\n').filter((line) => !SCENARIO.split('\n').includes(line));
    expect(added).toEqual([
      'hardware:',
      '  raspberry-pi-5-kitchen:',
      '    label: Raspberry Pi 5 (kitchen) (Cortex-A76, 4 cores)',
      '    cores: 4',
      '    gflops: 20',
      '    ram_mb: 8200',
      expect.stringMatching(
        /^ {4}source: "?placewise bench paddleocr-det \(2026-11-20\), calibrated on paddleocr-rec /,
      ),
      '    latency_ms: { p50: 48, p95: 55, on: raspberry-pi-5-kitchen }',
    ]);
    // Everything else is there, in order: the edit only inserted lines.
    expect(text.split('\n').filter((line) => !added.includes(line))).toEqual(SCENARIO.split('\n'));
    expect(text.indexOf('hardware:\n')).toBeLessThan(text.indexOf('components:'));
    const parsed = parseScenarioText(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scenario.hardware['raspberry-pi-5-kitchen']).toMatchObject({ cores: 4, gflops: 20, ram_mb: 8200 });
    expect(parsed.scenario.models[0].latency_ms).toEqual({ p50: 48, p95: 55, on: 'raspberry-pi-5-kitchen' });
  });

  it('updates a profile and latency already there instead of adding twins', () => {
    const once = apply(SCENARIO, report, { profileId: 'this-machine' });
    const faster = piReport([benchResult({ latency_ms: { ...benchResult({}).latency_ms, p50: 24, p95: 30 } })], {
      ...PI_CALIBRATION,
      gflops: 21,
    });
    const twice = apply(once, faster, { profileId: 'this-machine' });
    expect(twice.match(/this-machine:/g)).toHaveLength(1);
    expect(twice.split('\n')).toHaveLength(once.split('\n').length);
    expect(twice).toContain('latency_ms: { p50: 24, p95: 30, on: this-machine }');
    expect(twice).toContain('gflops: 21');
  });

  it('keeps fields added by hand to a measured profile', () => {
    const once = apply(SCENARIO, report, { profileId: 'this-machine' });
    const withPower = once.replace(
      '    ram_mb: 8200\n',
      '    ram_mb: 8200\n    power_w: { idle: 3, active: 12 } # wall meter\n',
    );
    const again = apply(withPower, report, { profileId: 'this-machine' });
    expect(again).toContain('    power_w: { idle: 3, active: 12 } # wall meter\n');
  });

  it('writes JSON scenarios back as JSON', () => {
    const json = JSON.stringify(toPlain(SCENARIO), null, 2);
    const written = JSON.parse(apply(json, report));
    expect(written.models[0].latency_ms).toEqual({ p50: 48, p95: 55, on: 'raspberry-pi-5-kitchen' });
    expect(written.hardware['raspberry-pi-5-kitchen'].gflops).toBe(20);
  });

  it('edits flow-style sections in place, keeping comments', () => {
    const flow = SCENARIO.replace(
      /models:\n(?: {2,}.*\n)+/,
      'models: [{ id: ocr-det, size_mb: 4.7, gflop: 3.1 }] # one model\n',
    );
    const text = apply(flow, report);
    expect(text).toContain(
      'models: [{ id: ocr-det, size_mb: 4.7, gflop: 3.1, latency_ms: { p50: 48, p95: 55, on: raspberry-pi-5-kitchen } }] # one model\n',
    );
    expect(text).toContain('# a stand-in until measured');
    const parsed = parseScenarioText(text);
    expect(parsed.ok && parsed.scenario.models[0].latency_ms?.on).toBe('raspberry-pi-5-kitchen');
  });

  it('appends the profile to an existing hardware section, after its last entry', () => {
    const withHardware = SCENARIO.replace(
      'components:',
      'hardware:\n  hall-box:   # the box in the hall\n    cores: 4\n    gflops: 20   # estimate\ncomponents:',
    );
    const text = apply(withHardware, report, { profileId: 'this-machine' });
    expect(text).toContain('    gflops: 20   # estimate\n  this-machine:\n    label: ');
    const withoutAdditions = text.replace(/ {2}this-machine:\n( {4}.*\n)+/, '').replace(/ {4}latency_ms: .*\n/, '');
    expect(withoutAdditions).toBe(withHardware);
  });

  it('fills an empty hardware section', () => {
    const empty = SCENARIO.replace('components:', 'hardware:\ncomponents:');
    const parsed = parseScenarioText(apply(empty, report));
    expect(parsed.ok && parsed.scenario.hardware['raspberry-pi-5-kitchen'].gflops).toBe(20);
  });

  it('names the scenario and the known models when the model is not there', () => {
    expect(() => applyBenchToScenario(SCENARIO, report, 'ocr-rec', { scenarioFile: 'door.yaml' })).toThrow(
      new BenchReportError('door.yaml', "models: no model 'ocr-rec' to apply the measurement to (known: ocr-det)"),
    );
  });

  it('reports a scenario that does not validate with its errors', () => {
    const broken = SCENARIO.replace('source: camera', 'source: garage');
    expect(() => apply(broken, report, { scenarioFile: 'door.yaml' })).toThrow(
      /door\.yaml: the scenario is not valid with the measurement applied:\ndoor\.yaml: workload\.source/,
    );
  });
});
