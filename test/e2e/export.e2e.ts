import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { FIXTURES } from './support/app-fixture';
import { browserSuite } from './support/browser-suite';

const suite = browserSuite();

test('the edited scenario exports as Mermaid, as a Markdown report and as a decision record', async () => {
  const { app, ui } = await suite.open({ scenario: join(FIXTURES, 'two-tier.yaml') });
  await ui.selectItem('links', 'camera-cloud');
  await ui.setField('mbps', '12.5');
  await ui.showView('export');
  await ui.byTestId('export-option').selectOption('in-cloud');
  // The diagram the export writes, rendered beside the form.
  await ui.waitForDiagram();
  await expect.poll(() => ui.diagram.locator('svg').textContent()).toContain('12.5 Mbit/s');

  const [mermaid] = await Promise.all([ui.page.waitForEvent('download'), ui.byTestId('export-run').click()]);
  expect(mermaid.suggestedFilename()).toBe('two-tier-camera-analytics-in-cloud-architecture.mmd');
  const source = await readFile((await mermaid.path())!, 'utf8');
  expect(source).toMatch(/^flowchart LR/);
  expect(source).toContain('12.5 Mbit/s');

  await ui.byTestId('export-format').selectOption('md');
  const [report] = await Promise.all([ui.page.waitForEvent('download'), ui.byTestId('export-run').click()]);
  expect(report.suggestedFilename()).toBe('two-tier-camera-analytics-report.md');
  expect(await readFile((await report.path())!, 'utf8')).toContain('in-cloud');

  // The decision record alone, named as a decisions folder numbers it, confirmed by the file's check.
  await ui.byTestId('export-format').selectOption('adr');
  const [record] = await Promise.all([ui.page.waitForEvent('download'), ui.byTestId('export-run').click()]);
  expect(record.suggestedFilename()).toBe('0001-placement-for-two-tier-camera-analytics.md');
  const recordText = await readFile((await record.path())!, 'utf8');
  expect(recordText).toMatch(/^# Placement for Two-tier camera analytics\n\n- Status: \w+\n/);
  expect(recordText).toContain('`placewise check two-tier.yaml`');
  await ui.screenshot('export-view');
  expect(app.pageErrors).toEqual([]);
});

test("Copy Mermaid puts the shown option's diagram source on the clipboard", async () => {
  const { app, ui } = await suite.open({ scenario: join(FIXTURES, 'two-tier.yaml') });
  await ui.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await ui.showView('export');
  await ui.byTestId('export-option').selectOption('in-cloud');
  await ui.byTestId('copy-mermaid').click();
  await expect.poll(() => ui.page.evaluate(() => navigator.clipboard.readText())).toMatch(/^flowchart LR/);
  await ui.byTestId('export-diagram').selectOption('sequence');
  await ui.byTestId('copy-mermaid').click();
  await expect.poll(() => ui.page.evaluate(() => navigator.clipboard.readText())).toMatch(/^sequenceDiagram/);
  expect(app.pageErrors).toEqual([]);
});
