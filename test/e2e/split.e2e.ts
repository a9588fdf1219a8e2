// The Benchmark view's split of a model between a device and a server, in browser mode: the
// table of cuts with the bytes that cross each, the chart of latency per cut, the best cuts, and
// a request the host refuses with split's own message.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { FIXTURES } from './support/app-fixture';
import { browserSuite } from './support/browser-suite';

const suite = browserSuite();

async function openBenchmarkView() {
  const opened = await suite.open({ scenario: join(FIXTURES, 'two-tier.yaml') });
  await opened.ui.showView('benchmark');
  await opened.ui.page.waitForSelector('[data-testid="bench-model"] option[value="bundled:paddleocr-cls"]', {
    state: 'attached',
  });
  return opened;
}

// A split measures the model, calibrates the machine on the OCR models and profiles every
// operator: on a busy machine that takes a while.
const SPLIT_TIMEOUT_MS = 240_000;

test(
  'a split of a bundled model shows every cut with its crossing bytes, the latency chart and the best cuts',
  async () => {
    const { app, ui } = await openBenchmarkView();
    await ui.byTestId('bench-model').selectOption('bundled:paddleocr-cls');
    await ui.byTestId('bench-iterations').fill('3');
    await ui.byTestId('split-device').selectOption('smart-glasses-soc');
    await ui.byTestId('split-server').selectOption('aws-g5-xlarge');
    await ui.byTestId('split-link').selectOption('bluetooth');
    await ui.byTestId('split-run').click();
    await ui.byTestId('split-table').waitFor({ timeout: SPLIT_TIMEOUT_MS });
    const rows = ui.page.locator('[data-testid="split-table"] tbody tr');
    expect(await rows.count()).toBeGreaterThan(2);
    // All-server sends the input, [1,3,48,192] float32: 110,592 bytes; all-device sends nothing.
    await expect.poll(() => rows.first().locator('td').first().textContent()).toBe('all-server');
    expect(await rows.first().locator('[data-field="bytes"]').textContent()).toBe('111');
    expect(await rows.last().locator('td').first().textContent()).toBe('all-device');
    expect(await rows.last().locator('[data-field="bytes"]').textContent()).toBe('0.00');
    await expect.poll(() => ui.text('split-summary')).toMatch(/Best for latency: .+ ms[\s\S]*Best for device energy/);
    await ui.page.waitForSelector('[data-testid="split-chart"] .recharts-area-area');
    // The split's benchmark of the whole model is shown too, and can be used in the scenario.
    await expect.poll(() => ui.text('bench-result')).toContain('paddleocr-cls');
    await ui.screenshot('split-view');
    expect(app.pageErrors).toEqual([]);
  },
  SPLIT_TIMEOUT_MS + 60_000,
);

test('a split the host refuses is reported with the limit named, and a bad rate is refused in the form', async () => {
  const { app, ui } = await openBenchmarkView();
  await ui.byTestId('split-mbps').fill('-2');
  await expect.poll(() => ui.byTestId('split-run').isEnabled()).toBe(false);
  await ui.byTestId('split-mbps').fill('');
  await ui.byTestId('bench-iterations').fill('500');
  await ui.byTestId('split-run').click();
  await expect.poll(() => ui.text('bench-error')).toContain('--iterations 500 is over the limit of 200');
  // The browser logs the refusal's HTTP status; nothing else went wrong.
  expect(app.pageErrors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
});
