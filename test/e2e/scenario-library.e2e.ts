import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './support/app-fixture';
import { browserSuite } from './support/browser-suite';

const suite = browserSuite();
const SCENARIOS = readdirSync(join(ROOT, 'scenarios')).filter((file) => /\.ya?ml$/.test(file));

function scenario(file: string): { name: string; components: { id: string }[] } {
  return parse(readFileSync(join(ROOT, 'scenarios', file), 'utf8'));
}

test('every saved scenario opens on the canvas with its compare table', async () => {
  const { app, ui } = await suite.open();
  for (const file of SCENARIOS) {
    const { name, components } = scenario(file);
    await ui.openPath(join(ROOT, 'scenarios', file));
    // The title changes when the file has loaded; only then does an empty error list mean anything.
    await expect.poll(() => ui.text('document-title'), { message: file }).toBe(name);
    expect(await ui.text('open-errors'), file).toBe('');
    for (const component of components) await ui.waitForCanvas(component.id);
    await ui.waitForFullFidelity();
    await ui.showView('compare');
    await expect.poll(() => ui.compareTable.locator('tbody tr').count(), { message: file }).toBeGreaterThan(0);
    await ui.showView('model');
  }
  expect(app.pageErrors).toEqual([]);
  // Six scenarios, each to full fidelity: minutes on a loaded machine.
}, 360_000);

test('the Examples list offers every worked example by name and opens the one chosen', async () => {
  const { app, ui } = await suite.open();
  const names = SCENARIOS.map((file) => scenario(file).name);
  await expect.poll(() => ui.byTestId('examples').locator('option').allTextContents()).toEqual(['Examples…', ...names]);
  const other = SCENARIOS.find((file) => scenario(file).name !== 'AR street-sign translation')!;
  await ui.openExample(scenario(other).name);
  await expect.poll(() => ui.text('document-title')).toBe(scenario(other).name);
  await ui.waitForCanvas(scenario(other).components[0].id);
  expect(app.pageErrors).toEqual([]);
}, 60_000);
