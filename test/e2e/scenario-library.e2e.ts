import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from './support/app-fixture';
import { browserSuite } from './support/browser-suite';

const suite = browserSuite();
const SCENARIOS = readdirSync(join(ROOT, 'scenarios')).filter((file) => /\.ya?ml$/.test(file));

test('every saved scenario opens with its diagram and its compare table', async () => {
  const { app, ui } = await suite.open();
  for (const file of SCENARIOS) {
    const renders = Number(await ui.diagram.getAttribute('data-renders'));
    await ui.openPath(join(ROOT, 'scenarios', file));
    await expect.poll(() => ui.text('open-errors'), { message: file }).toBe('');
    await ui.waitForDiagram(renders);
    await ui.waitForFullFidelity();
    await ui.showView('compare');
    await expect.poll(() => ui.compareTable.locator('tbody tr').count(), { message: file }).toBeGreaterThan(0);
    await ui.showView('model');
  }
  expect(app.pageErrors).toEqual([]);
}, 120_000);

test('the Examples list offers every worked example by name and opens the one chosen', async () => {
  const { app, ui } = await suite.open();
  const names = SCENARIOS.map((file) => /^name: (.+)$/m.exec(readFileSync(join(ROOT, 'scenarios', file), 'utf8'))![1]);
  await expect.poll(() => ui.byTestId('examples').locator('option').allTextContents()).toEqual(['Examples…', ...names]);
  const other = names.find((name) => name !== 'AR street-sign translation')!;
  const renders = Number(await ui.diagram.getAttribute('data-renders'));
  await ui.openExample(other);
  await expect.poll(() => ui.text('document-title')).toBe(other);
  await ui.waitForDiagram(renders);
  expect(app.pageErrors).toEqual([]);
}, 60_000);
