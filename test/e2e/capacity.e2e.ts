import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { FIXTURES } from './support/app-fixture';
import { browserSuite } from './support/browser-suite';

const suite = browserSuite();
// A sweep is dozens of simulations: over a minute on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

test('a load sweep sizes the shared component of the default scenario', async () => {
  const { app, ui } = await suite.open();
  await ui.showView('capacity');
  await ui.byTestId('capacity-run').click();
  await ui.byTestId('capacity-result').waitFor();
  await expect.poll(() => ui.byTestId('capacity-table').locator('tbody tr').count()).toBeGreaterThan(5);
  await expect.poll(() => ui.text('capacity-result')).toContain('Sizing cloud');
  await ui.screenshot('capacity-view');
  expect(app.pageErrors).toEqual([]);
});

test('an option with nothing to size says so', async () => {
  const { ui } = await suite.open({ scenario: join(FIXTURES, 'two-tier.yaml') });
  await ui.showView('capacity');
  await ui.byTestId('capacity-option').selectOption('on-camera');
  await ui.byTestId('capacity-run').click();
  await expect
    .poll(() => ui.text('capacity-error'))
    .toContain("option 'on-camera' runs nothing on a shared always-on component");
});

test("the sweep offers the replicas today's load needs, with the saving, as an edit that undo takes back", async () => {
  const { app, ui } = await suite.open({ scenario: join(FIXTURES, 'two-tier.yaml') });
  // More replicas than the cloud's 50 requests/s need (2 meet the latency budget).
  await ui.selectItem('components', 'cloud');
  await ui.typeAt('components[1].replicas', '6');
  await ui.showView('capacity');
  await ui.byTestId('capacity-option').selectOption('in-cloud');
  await ui.byTestId('capacity-run').click();
  // Progress counts the loads as they are sized (the first comes after today's load is sized).
  await expect.poll(() => ui.text('capacity-progress'), { timeout: 60_000 }).toMatch(/^\d+ of 20 loads sized$/);
  await expect.poll(() => ui.text('capacity-advice'), { timeout: 60_000 }).toMatch(/^Apply 2 replicas/);
  // 4 replicas fewer at 0.18 USD an hour, 730 hours a month.
  expect(await ui.text('capacity-advice')).toContain('cloud has 6; 2 meet the budget');
  expect(await ui.text('capacity-advice')).toContain('save $526 a month');
  await ui.byTestId('capacity-apply').click();
  await ui.showView('model');
  await ui.selectItem('components', 'cloud');
  await expect.poll(() => ui.input('components[1].replicas').inputValue()).toBe('2');
  await ui.byTestId('undo').click();
  await expect.poll(() => ui.input('components[1].replicas').inputValue()).toBe('6');
  expect(app.pageErrors).toEqual([]);
});
