// `placewise bench --on-device`: Chromium plays the device. It opens the printed URL, runs the
// model with onnxruntime-web and posts the result; the results file has bench's form, and
// importing it changes the step's simulated time. The server's guards (the token, one result,
// the timeout) are checked against the server itself, without a browser.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { benchOnDevice } from '../../../bench/on-device';
import { main } from '../../../cli/main';
import { CHROMIUM_ARGS } from '../../../electron/host/export/browser-session';
import { findChromium } from '../../../electron/host/export/find-chromium';
import { parseScenarioText } from '../../../simulator/scenario/load';
import { captureOutput } from '../support/captured-output';
import { firstStepMean } from './step-time';
import { bundledSha256 } from './report-fixture';

const output = captureOutput();
const directory = mkdtempSync(join(tmpdir(), 'placewise-on-device-'));

const SCENARIO = `placewise: 1
name: Reading glasses
hardware:
  my-phone: # the phone the benchmark page was opened on
    label: My phone
    cores: 8
    gflops: 15
components:
  - id: phone
    kind: phone
    hardware: my-phone
models:
  - id: direction
    file: bundled:paddleocr-cls
    size_mb: 0.58
    gflop: 0.036
workload:
  users: 1
  per_user_rps: 2
  source: phone
  requests: 50
pipeline:
  - id: classify-direction
    model: direction
options:
  - id: on-phone
    place: { classify-direction: phone }
`;

/** The page URL the command prints, once it prints it. */
async function printedUrl(): Promise<string> {
  for (;;) {
    const match = /http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]+\//.exec(output.stderr);
    if (match) return match[0];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('placewise bench --on-device', () => {
  it("measures in Chromium's page, writes a results file with the browser as host, and imports it", async () => {
    const results = join(directory, 'cls.json');
    const run = main([
      'bench',
      '--on-device',
      'bundled:paddleocr-cls',
      '--iterations',
      '10',
      '--warmup',
      '1',
      '--out',
      results,
    ]);
    const url = await printedUrl();
    expect(output.stderr).toContain('this machine only');
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url);
      expect(await run).toBe(0);
      await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Done'));
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
    const report = JSON.parse(readFileSync(results, 'utf8'));
    const result = report.results[0];
    expect(result.latency_ms.p50).toBeGreaterThan(0);
    expect(result.iterations).toBe(10);
    expect(result.samples_ms).toHaveLength(10);
    expect(report.model.sha256).toBe(bundledSha256('paddleocr-cls'));
    expect(report.host.user_agent).toMatch(/Chrom/);
    expect(report.host.name).toMatch(/^device-chrome-\d+-linux$/);
    // The server sends COOP/COEP, so the page is isolated and onnxruntime-web may use threads.
    expect(report.host.cross_origin_isolated).toBe(true);
    expect(report.host.execution_provider).toBe('wasm');
    expect(result.threads).toBe(report.host.cores);
    // onnxruntime-web's per-call overhead, from the trivial model the page ran after the model.
    expect(result.overhead_ms).toBeGreaterThan(0);
    expect(result.overhead_ms).toBeLessThan(result.latency_ms.p50);
    expect(output.stdout).toContain('paddleocr-cls');

    // Imported under the device's own profile name: a profile of its measured throughput.
    const named = join(directory, 'named.yaml');
    writeFileSync(named, SCENARIO);
    expect(await main(['bench', '--import', results, '--into', named, '--model', 'direction'])).toBe(0);
    const namedText = readFileSync(named, 'utf8');
    const parsedNamed = parseScenarioText(namedText);
    if (!parsedNamed.ok) throw new Error('the imported scenario does not validate');
    const profile = parsedNamed.scenario.hardware[report.host.name];
    // Its own work over its median less the overhead (no calibration in a browser).
    expect(profile.gflops).toBeCloseTo(result.gflop / ((result.latency_ms.p50 - result.overhead_ms) / 1000), 2);
    expect(profile.label).toContain('Chrome');
    expect(parsedNamed.scenario.models[0].latency_ms?.on).toBe(report.host.name);

    // Imported as the scenario's phone: the step on it now takes the measured time.
    const scenario = join(directory, 'glasses.yaml');
    writeFileSync(scenario, SCENARIO);
    const before = firstStepMean(SCENARIO);
    expect(
      await main(['bench', '--import', results, '--into', scenario, '--model', 'direction', '--profile', 'my-phone']),
    ).toBe(0);
    const text = readFileSync(scenario, 'utf8');
    expect(text).toContain('my-phone: # the phone the benchmark page was opened on');
    expect(firstStepMean(text)).not.toBeCloseTo(before, 6);
    expect(before).toBeCloseTo((0.036 / 15) * 1000, 9);
    const parsed = parseScenarioText(text);
    if (!parsed.ok) throw new Error('the imported scenario does not validate');
    expect(parsed.scenario.models[0].latency_ms).toMatchObject({
      p50: result.latency_ms.p50,
      on: 'my-phone',
      overhead_ms: result.overhead_ms,
    });
  });

  it('says when it listens on the local network, and ends at the timeout with a clear message and exit code 1', async () => {
    const results = join(directory, 'never.json');
    const code = await main([
      'bench',
      '--on-device',
      'bundled:paddleocr-cls',
      '--lan',
      '--timeout',
      '0.5',
      '--out',
      results,
    ]);
    expect(code).toBe(1);
    expect(output.stderr).toContain('Listening on the local network (every interface');
    expect(output.stderr).toContain('no result within 0.5 s');
    expect(output.stderr).toContain('the benchmark server has stopped');
    expect(() => readFileSync(results)).toThrow();
  });

  it('reports a failure the page posts (a model its browser cannot load) and exits 1, without a stack trace', async () => {
    const results = join(directory, 'failed.json');
    const run = main(['bench', '--on-device', 'bundled:paddleocr-cls', '--out', results]);
    // What the page posts when onnxruntime-web refuses the model (page-script.ts), sent as the page would.
    const failure = "Can't create a session. ERROR_CODE: 1, ERROR_MESSAGE: unsupported opset";
    const response = await fetch(`${await printedUrl()}result`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ failure }),
    });
    expect(response.status).toBe(204);
    expect(await run).toBe(1);
    expect(output.stderr).toContain(
      `placewise: bench --on-device: the device could not run bundled:paddleocr-cls: ${failure}; the benchmark server has stopped`,
    );
    expect(output.stderr).not.toMatch(/\n\s+at /);
    expect(() => readFileSync(results)).toThrow();
  });

  it('refuses options that only apply to this machine', async () => {
    expect(await main(['bench', '--on-device', 'bundled:paddleocr-cls', '--threads', '2'])).toBe(2);
    expect(output.stderr).toContain('--threads applies to this machine only');
    expect(await main(['bench', 'bundled:paddleocr-cls', '--lan'])).toBe(2);
    expect(output.stderr).toContain('--lan needs --on-device');
  });

  it('refuses a timeout longer than a day, which Node would fire at once', async () => {
    expect(await main(['bench', '--on-device', 'bundled:paddleocr-cls', '--timeout', '86401'])).toBe(2);
    expect(output.stderr).toContain('--timeout: at most 86400 s (a day)');
  });

  it("stops its server when the run is cancelled (the app's Cancel, or its window gone)", async () => {
    const controller = new AbortController();
    let port = 0;
    const run = benchOnDevice(
      { model: 'bundled:paddleocr-cls' },
      {
        signal: controller.signal,
        onListening: (server) => {
          port = server.port;
          controller.abort(new Error('cancelled by the user'));
        },
      },
    );
    await expect(run).rejects.toThrow('cancelled by the user');
    expect(port).toBeGreaterThan(0);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });
});
