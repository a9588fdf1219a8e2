import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { FIXTURES } from './support/app-fixture';
import { browserSuite } from './support/browser-suite';

const suite = browserSuite();

async function openBenchmarkView() {
  const opened = await suite.open({ scenario: join(FIXTURES, 'two-tier.yaml') });
  await opened.ui.showView('benchmark');
  await opened.ui.page.waitForSelector('[data-testid="bench-model"] option[value="bundled:silero-vad"]', {
    state: 'attached',
  });
  return opened;
}

/** The Benchmark view with `model` chosen and `runs` runs, and the on-camera row of Compare before any measurement. */
async function chooseModel(model: string, runs: string) {
  const opened = await openBenchmarkView();
  const { ui } = opened;
  await ui.showView('compare');
  await ui.waitForFullFidelity();
  const before = await ui.compareRowText('on-camera');
  await ui.showView('benchmark');
  await ui.byTestId('bench-model').selectOption(model);
  await ui.byTestId('bench-iterations').fill(runs);
  return { ...opened, before };
}

/** Uses the finished measurement for the detector, which the notice confirms. */
async function useForDetector(ui: Awaited<ReturnType<typeof openBenchmarkView>>['ui']) {
  await ui.byTestId('bench-apply-model').selectOption('detector');
  await ui.byTestId('bench-apply').click();
  await ui.page.waitForFunction(() =>
    document.querySelector('[data-testid="notice"]')?.textContent?.includes("Model 'detector' now uses"),
  );
}

// The benchmark calibrates the machine on the OCR models too: on a busy machine that takes a while.
const BENCHMARK_TIMEOUT_MS = 180_000;

test(
  'a short benchmark of a bundled model shows its distribution and, used in the scenario, changes its figures',
  async () => {
    const { app, ui, before } = await chooseModel('bundled:silero-vad', '20');
    await ui.byTestId('bench-run').click();
    await ui.byTestId('bench-result').waitFor({ timeout: BENCHMARK_TIMEOUT_MS });
    await expect.poll(() => ui.text('bench-result')).toContain('silero-vad');
    await expect
      .poll(() => ui.text('bench-calibration'))
      .toMatch(/GFLOPS effective \(calibrated on paddleocr-det, paddleocr-rec/);
    await ui.page.waitForSelector('[data-testid="bench-result"] .recharts-bar-rectangle');
    await ui.screenshot('benchmark-view');

    // The detector has gflop: the measurement takes its place, so the simulated figures change.
    await useForDetector(ui);
    await ui.screenshot('benchmark-applied');
    await ui.showView('compare');
    await ui.waitForFullFidelity();
    await expect.poll(() => ui.compareRowText('on-camera')).not.toBe(before);
    await ui.showView('model');
    await ui.selectItem('models', 'detector');
    await expect.poll(() => ui.input('models[0].latency_ms.p50').inputValue()).toMatch(/^[\d.]+$/);
    await expect.poll(() => ui.input('models[0].latency_ms.p95').inputValue()).toMatch(/^[\d.]+$/);
    await expect.poll(() => ui.input('models[0].latency_ms.on').inputValue()).toMatch(/^[\w.-]+$/);
    await expect.poll(() => ui.byTestId('scenario-errors').count()).toBe(0);
    await ui.byTestId('undo').click();
    await expect.poll(() => ui.input('models[0].latency_ms', 'add').count()).toBe(1);

    // A model whose file is another one refuses the measurement, saying why.
    await ui.setField('file', 'bundled:paddleocr-det');
    await ui.showView('benchmark');
    await ui.byTestId('bench-apply').click();
    await expect
      .poll(() => ui.text('bench-apply-refused'))
      .toMatch(/models\[0\]\.file is bundled:paddleocr-det .* but the results are of .*silero_vad\.onnx/);
    await ui.screenshot('benchmark-refused');
    await ui.showView('model');
    await ui.selectItem('models', 'detector');
    await expect.poll(() => ui.input('models[0].latency_ms', 'add').count()).toBe(1);
    expect(app.pageErrors).toEqual([]);
  },
  BENCHMARK_TIMEOUT_MS + 60_000,
);

// Chromium plays the device: it downloads the model and onnxruntime-web's WebAssembly and measures.
const DEVICE_TIMEOUT_MS = 120_000;

test(
  'Benchmark on another device: a second page opens the URL shown, and the result is used in the scenario as that device',
  async () => {
    const { app, ui, before } = await chooseModel('bundled:paddleocr-cls', '10');
    await ui.byTestId('device-run').click();
    await ui.byTestId('device-url').waitFor({ timeout: DEVICE_TIMEOUT_MS });
    const url = await ui.text('device-url');
    // On loopback by default, under a one-time token of 24 random bytes.
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{32}\/$/);
    await expect.poll(() => ui.byTestId('device-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    await expect.poll(() => ui.text('device-status')).toMatch(/^Waiting for a device/);
    await ui.screenshot('benchmark-on-device');

    const device = await app.page.context().browser()!.newPage();
    try {
      await device.goto(url);
      await ui.byTestId('bench-result').waitFor({ timeout: DEVICE_TIMEOUT_MS });
      await expect.poll(() => device.textContent('#status')).toMatch(/^Done/);
    } finally {
      await device.close();
    }
    await expect.poll(() => ui.text('bench-result')).toMatch(/paddleocr-cls[^]*as Chrome \d+ tells it/);
    expect(await ui.byTestId('device-session').count()).toBe(0);

    await useForDetector(ui);
    await ui.showView('compare');
    await ui.waitForFullFidelity();
    await expect.poll(() => ui.compareRowText('on-camera')).not.toBe(before);
    await ui.showView('model');
    await ui.selectItem('models', 'detector');
    // Measured on a hardware profile named after the browser and its system, as `bench --import` names it.
    await expect.poll(() => ui.input('models[0].latency_ms.on').inputValue()).toMatch(/^device-chrome-\d+-linux$/);
    await expect.poll(() => ui.byTestId('scenario-errors').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  },
  DEVICE_TIMEOUT_MS * 2,
);

test('a running benchmark shows its progress and can be cancelled', async () => {
  const { app, ui } = await openBenchmarkView();
  await ui.byTestId('bench-model').selectOption('bundled:silero-vad');
  await ui.byTestId('bench-iterations').fill('100000');
  await ui.byTestId('bench-run').click();
  await ui.byTestId('bench-progress').waitFor();
  await ui.byTestId('bench-cancel').click();
  await ui.page.getByText('Benchmark cancelled.').waitFor();
  await expect.poll(() => ui.byTestId('bench-run').isEnabled()).toBe(true);
  expect(app.pageErrors).toEqual([]);
});

test('a file that is not an ONNX model is reported and the scenario is untouched', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'placewise-bench-'));
  try {
    const notAModel = join(dir, 'notes.onnx');
    await writeFile(notAModel, 'these are not weights');
    const { app, ui } = await openBenchmarkView();
    await ui.byTestId('bench-file').fill(notAModel);
    await ui.byTestId('bench-run').click();
    await ui.byTestId('bench-error').waitFor();
    await expect.poll(() => ui.text('bench-error')).toContain(notAModel);
    await expect.poll(() => ui.text('document-title')).not.toContain('•');
    expect(app.pageErrors).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
