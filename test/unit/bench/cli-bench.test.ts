// `placewise bench` and `placewise models` through the real command line entry (cli/main.ts):
// exit codes, messages without stack traces, the results file, and importing it into a scenario.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { captureOutput } from '../support/captured-output';
import { firstStepMean } from './step-time';
import { HARDWARE_LIBRARY } from '../../../simulator/scenario/hardware-library';
import { parseScenarioText } from '../../../simulator/scenario/load';
import { writeBytes } from './onnx-builder';
import { benchResult, bundledSha256, PI_CALIBRATION, piReport } from './report-fixture';

const output = captureOutput();

const directory = mkdtempSync(join(tmpdir(), 'placewise-cli-bench-'));

const SCENARIO = `placewise: 1
name: Voice button
components:
  - id: phone
    kind: phone
    hardware: phone-midrange # until measured
models:
  - id: vad
    file: bundled:silero-vad
    size_mb: 1.8
    gflop: 0.004
workload:
  users: 1
  per_user_rps: 10
  source: phone
  requests: 100
pipeline:
  - id: detect-speech
    model: vad
options:
  - id: on-phone
    place: { detect-speech: phone }
`;

describe('placewise bench', () => {
  it('measures and calibrates, prints JSON, writes the results file, and imports it into a scenario, changing the step time', async () => {
    const results = join(directory, 'vad.json');
    const code = await main([
      'bench',
      'bundled:silero-vad',
      '--iterations',
      '5',
      '--threads',
      '1',
      '--json',
      '--out',
      results,
    ]);
    expect(code).toBe(0);
    const printed = JSON.parse(output.stdout);
    expect(printed.model.id).toBe('silero-vad');
    expect(JSON.parse(readFileSync(results, 'utf8')).results[0].iterations).toBe(5);
    // The machine calibrated on the OCR models, at the benchmark's thread count.
    expect(printed.calibration.threads).toBe(1);
    expect(printed.calibration.models.map((model: { id: string }) => model.id)).toEqual([
      'paddleocr-det',
      'paddleocr-rec',
    ]);
    expect(printed.calibration.gflops).toBeGreaterThan(0);
    expect(output.stderr).toBe('');

    const scenario = join(directory, 'voice.yaml');
    writeFileSync(scenario, SCENARIO);
    const before = firstStepMean(SCENARIO);
    const imported = await main(['bench', '--import', results, '--into', scenario, '--model', 'vad']);
    expect(imported).toBe(0);
    const text = readFileSync(scenario, 'utf8');
    expect(text).toContain('hardware: phone-midrange # until measured');
    expect(text).toContain('on: this-machine');
    const parsed = parseScenarioText(text);
    if (!parsed.ok) throw new Error('the imported scenario does not validate');
    expect(parsed.scenario.models[0].latency_ms?.p50).toBe(printed.results[0].latency_ms.p50);
    expect(parsed.scenario.hardware['this-machine'].gflops).toBe(printed.calibration.gflops);
    // The measurement, not gflop, now sets the step's time on the phone.
    expect(firstStepMean(text)).not.toBeCloseTo(before, 6);
    expect(before).toBeCloseTo((0.004 / HARDWARE_LIBRARY['phone-midrange'].gflops) * 1000, 9);
  }, 240_000);

  it('exits 2 when the results are of another model file than the scenario model’s', async () => {
    const scenario = join(directory, 'other.yaml');
    writeFileSync(scenario, SCENARIO);
    const report = piReport([benchResult({})], PI_CALIBRATION);
    const results = join(directory, 'det.json');
    writeFileSync(results, JSON.stringify(report));
    expect(await main(['bench', '--import', results, '--into', scenario, '--model', 'vad'])).toBe(2);
    expect(output.stderr).toContain(
      `${scenario}: models[0].file is bundled:silero-vad (SHA-256 ${bundledSha256('silero-vad').slice(0, 12)}…), but the results are of /home/pi/ocr/det.onnx`,
    );
    expect(readFileSync(scenario, 'utf8')).toBe(SCENARIO);
  });

  it('exits 2 on import of an invalid server-mode run, with the reason and no stack trace', async () => {
    const scenario = join(directory, 'invalid.yaml');
    const text = SCENARIO.replace('bundled:silero-vad', 'bundled:paddleocr-det');
    writeFileSync(scenario, text);
    const reason = 'p99 latency 90 ms exceeds the bound of 50 ms';
    const report = {
      ...piReport([benchResult({ valid: false, invalid_reason: reason })], PI_CALIBRATION),
      mode: 'server',
    };
    const results = join(directory, 'invalid.json');
    writeFileSync(results, JSON.stringify(report));
    expect(await main(['bench', '--import', results, '--into', scenario, '--model', 'vad'])).toBe(2);
    expect(output.stderr).toContain(`${results}: the server-mode run is invalid (threads 4, batch 1: ${reason})`);
    expect(output.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(scenario, 'utf8')).toBe(text);
  });

  it('warns on import about an unstable run, and imports it all the same', async () => {
    const scenario = join(directory, 'unstable.yaml');
    writeFileSync(scenario, SCENARIO.replace('bundled:silero-vad', 'bundled:paddleocr-det'));
    const report = piReport([benchResult({ stable: false, unstable_reason: 'window medians drift' })], PI_CALIBRATION);
    const results = join(directory, 'unstable.json');
    writeFileSync(results, JSON.stringify(report));
    expect(await main(['bench', '--import', results, '--into', scenario, '--model', 'vad'])).toBe(0);
    expect(output.stderr).toMatch(/warning: the run was unstable \(threads 4, batch 1: window medians drift\)/);
    expect(readFileSync(scenario, 'utf8')).toContain('latency_ms: { p50: 48, p95: 55, on: raspberry-pi-5-kitchen }');
  });

  it('exits 2 with the file and the problem for a file that is not a model', async () => {
    const file = writeBytes('notes.onnx', 'meeting notes, not a network\n');
    expect(await main(['bench', file])).toBe(2);
    expect(output.stderr).toMatch(new RegExp(`^placewise: ${file}: not an ONNX model: [^\\n]+\\n$`));
  });

  it('exits 2 listing the dimensions to fill for a model with open dimensions', async () => {
    const { BUNDLED_MODELS } = await import('../../../bench/models/bundled-models');
    expect(await main(['bench', BUNDLED_MODELS[1].file()])).toBe(2);
    expect(output.stderr).toContain('dynamic dimensions left open; give them with --shape:');
    expect(output.stderr).toContain('e.g. --shape x=N,3,48,N');
    expect(output.stderr).not.toContain('    at ');
  });

  it('exits 2 for a malformed option', async () => {
    expect(await main(['bench', 'bundled:silero-vad', '--threads', '1,two'])).toBe(2);
    expect(output.stderr).toContain("--threads: '1,two' is not a list of positive integers");
    expect(await main(['bench', 'bundled:silero-vad', '--shape', 'input'])).toBe(2);
    expect(output.stderr).toContain("'input' is not NAME=d1,d2,...");
    expect(
      await main(['bench', '--import', join(directory, 'missing.json'), '--into', 'x.yaml', '--model', 'vad']),
    ).toBe(2);
    expect(output.stderr).toContain('missing.json: no such file');
    // Checked before measuring, so a typo does not cost a benchmark run.
    expect(await main(['bench', 'bundled:silero-vad', '--into', join(directory, 'nope.yaml'), '--model', 'vad'])).toBe(
      2,
    );
    expect(output.stderr).toContain('nope.yaml: no such file');
  });
});

describe('placewise models', () => {
  it('lists the bundled models as JSON', async () => {
    expect(await main(['models', '--json'])).toBe(0);
    const models = JSON.parse(output.stdout);
    expect(models.map((model: { reference: string }) => model.reference)).toEqual([
      'bundled:paddleocr-det',
      'bundled:paddleocr-rec',
      'bundled:paddleocr-cls',
      'bundled:silero-vad',
    ]);
  });
});
