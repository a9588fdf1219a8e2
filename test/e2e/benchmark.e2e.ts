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

test('a short benchmark of a bundled model shows its distribution and applies to the scenario', async () => {
  const { app, ui } = await openBenchmarkView();
  await ui.byTestId('bench-model').selectOption('bundled:silero-vad');
  await ui.byTestId('bench-iterations').fill('20');
  await ui.byTestId('bench-run').click();
  await ui.byTestId('bench-result').waitFor();
  await expect.poll(() => ui.text('bench-result')).toContain('silero-vad');
  await ui.page.waitForSelector('[data-testid="bench-result"] .recharts-bar-rectangle');
  await ui.screenshot('benchmark-view');

  await ui.byTestId('bench-apply-model').selectOption('detector');
  await ui.byTestId('bench-apply').click();
  await ui.page.waitForFunction(() =>
    document.querySelector('[data-testid="notice"]')?.textContent?.includes("Model 'detector' now uses"),
  );
  await ui.showView('model');
  await ui.selectItem('models', 'detector');
  await expect.poll(() => ui.input('models[0].latency_ms.p50').inputValue()).toMatch(/^[\d.]+$/);
  await expect.poll(() => ui.input('models[0].latency_ms.p95').inputValue()).toMatch(/^[\d.]+$/);
  await expect.poll(() => ui.input('models[0].latency_ms.on').inputValue()).toMatch(/^[\w.-]+$/);
  await expect.poll(() => ui.byTestId('scenario-errors').count()).toBe(0);
  await ui.byTestId('undo').click();
  await expect.poll(() => ui.input('models[0].latency_ms', 'add').count()).toBe(1);
  expect(app.pageErrors).toEqual([]);
});

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
