import { readdirSync } from 'node:fs';
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
