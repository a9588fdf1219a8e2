import { join } from 'node:path';
import { expect, test } from 'vitest';
import { FIXTURES } from './support/app-fixture';
import { browserSuite } from './support/browser-suite';

const suite = browserSuite();

test('a Monte Carlo study of the uncertain values gives each option its spread and a tornado', async () => {
  const { app, ui } = await suite.open({ scenario: join(FIXTURES, 'uncertain-two-tier.yaml') });
  await ui.showView('compare');
  await expect.poll(() => ui.text('uncertainty')).toContain('4 uncertain values');
  await ui.runMonteCarlo(20);
  await ui.byTestId('uncertainty-result').waitFor({ timeout: 60_000 });
  const table = ui.byTestId('uncertainty-table');
  await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
  expect(await ui.text('uncertainty-row-on-camera')).toContain('on-camera');
  expect(await ui.text('uncertainty-row-in-cloud')).toContain('in-cloud');
  // Error bars on both band charts, and a bar per uncertain value in the tornado.
  await expect.poll(() => ui.byTestId('uncertainty-latency-chart').locator('.recharts-errorBar').count()).toBe(2);
  await ui.byTestId('tornado-option').selectOption('in-cloud');
  await expect
    .poll(() => ui.byTestId('tornado-chart').locator('.recharts-bar-rectangle').count())
    .toBeGreaterThanOrEqual(4);
  expect(await ui.text('tornado-chart')).toContain('Link camera-cloud bandwidth');
  expect(await ui.text('tornado-chart')).not.toContain('links[0].mbps');
  await ui.byTestId('uncertainty').scrollIntoViewIfNeeded();
  await ui.screenshot('uncertainty-view');
  expect(app.pageErrors).toEqual([]);
});

test('a scenario without uncertain values says how to add one', async () => {
  const { ui } = await suite.open({ scenario: join(FIXTURES, 'two-tier.yaml') });
  await ui.showView('compare');
  await expect.poll(() => ui.text('uncertainty')).toContain('{ range: [lo, hi] }');
  expect(await ui.byTestId('uncertainty-run').count()).toBe(0);
});
