import { join } from 'node:path';
import { expect, test } from 'vitest';
import { FIXTURES } from './support/app-fixture';
import { browserSuite } from './support/browser-suite';

const suite = browserSuite();

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
