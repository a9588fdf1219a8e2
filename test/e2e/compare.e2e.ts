// The answer on the Compare view: budgets as headings, one line that says what to choose (or
// that nothing passes), how each figure moved since the last edit, warnings per option, and
// saturated figures named as such; the verdict stays in sight at 1280 pixels.
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { FIXTURES } from './support/app-fixture';
import { browserSuite } from './support/browser-suite';

const suite = browserSuite();
// Each test opens the AR scenario and waits for its runs: over a minute on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

test('budgets read as budgets, the verdict stays visible at 1280 px, and an edit shows each change', async () => {
  const { app, ui } = await suite.open();
  await ui.page.setViewportSize({ width: 1280, height: 800 });
  await ui.showView('compare');
  await ui.waitForFullFidelity();
  const headings = await ui.compareTable.locator('thead th').allTextContents();
  expect(headings).toContain('p95 ≤ 1,500 ms');
  expect(headings).toContain('Battery, glasses ≥ 1.5 h');
  expect(new Set(headings).size).toBe(headings.length);
  expect(headings.some((heading) => heading.includes('latency_ms') || heading.includes('battery_hours'))).toBe(false);
  await expect
    .poll(() => ui.text('compare-summary'))
    .toMatch(/^Recommended: hybrid-cached, the cheapest of the \d options/);

  // The verdict column is on screen and not covered by another cell.
  const verdict = ui.byTestId('compare-row-hybrid-cached').getByTestId('verdict');
  const box = (await verdict.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
  const onTop = await ui.page.evaluate(
    ([x, y]) => document.elementFromPoint(x, y)?.closest('[data-testid="verdict"]') !== null,
    [box.x + box.width / 2, box.y + box.height / 2],
  );
  expect(onTop).toBe(true);
  await ui.screenshot('compare-view-1280');

  expect(await ui.byTestId('figure-change').count()).toBe(0);
  await ui.showView('model');
  await ui.selectItem('links', 'phone-cloud');
  // The traffic price is a range, [5, 15]: its upper bound to 35 moves the nominal price from 10 to 20.
  await ui.typeAt('links[1].usd_per_gb.range[1]', '35');
  await ui.showView('compare');
  await ui.waitForFullFidelity();
  // Traffic costs twice as much: the cloud option's cost rose, shown as a change for the worse.
  const cost = ui.byTestId('compare-row-cloud').getByTestId('monthly-cost');
  await expect.poll(() => cost.locator('.delta-worse').textContent()).toMatch(/^▲ \$[\d,]+$/);
  expect(app.pageErrors).toEqual([]);
  // Two full-fidelity runs of the AR scenario: several seconds each on a loaded machine.
}, 180_000);

test('when no option passes, the fewest failures are named instead of a green badge; saturation is called so', async () => {
  const { app, ui } = await suite.open({ scenario: join(FIXTURES, 'two-tier.yaml') });
  await ui.byTestId('outline-budgets').click();
  await ui.typeAt('budgets.latency_ms.p95', '1');
  await ui.byTestId('outline-workload').click();
  await ui.typeAt('workload.users', '100000');
  await ui.showView('compare');
  await ui.waitForFullFidelity();
  await expect
    .poll(() => ui.text('compare-summary'))
    .toMatch(/^No option passes every budget; on-camera fails fewest \(1 of 2: latency p95\)/);
  expect(await ui.compareTable.getByText('recommended', { exact: true }).count()).toBe(0);
  await expect.poll(() => ui.byTestId('fails-fewest').count()).toBe(1);
  // The cloud cannot keep up: its latency is not a figure but "saturated", with the warning below.
  const cloudRow = ui.byTestId('compare-row-in-cloud');
  await expect.poll(() => cloudRow.getByTestId('latency-p95').textContent()).toBe('✗ saturated');
  await expect.poll(() => cloudRow.getByTestId('latency-p50').textContent()).toBe('saturated');
  await expect.poll(() => ui.text('compare-warnings')).toContain('cloud is saturated');
  await ui.screenshot('compare-none-passes');
  expect(app.pageErrors).toEqual([]);
});

test('a full-fidelity run can be cancelled, keeping the preview', async () => {
  const { app, ui } = await suite.open();
  await ui.waitForFullFidelity();
  // A full run of a million requests an option lasts seconds however fast the engine gets, so
  // it is still going when Cancel is clicked (the preview stays at its few thousand).
  await ui.byTestId('outline-workload').click();
  await ui.typeAt('workload.requests', '1000000');
  await ui.byTestId('simulation-cancel').click();
  await expect.poll(() => ui.text('simulation-status')).toContain('full run cancelled');
  await expect.poll(() => ui.byTestId('simulation-status').getAttribute('data-running')).toBe('false');
  expect(await ui.byTestId('simulation-status').getAttribute('data-fidelity')).toBe('preview');
  expect(app.pageErrors).toEqual([]);
});
