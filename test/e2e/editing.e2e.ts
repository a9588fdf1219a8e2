import { expect, test } from 'vitest';
import { browserSuite } from './support/browser-suite';

const suite = browserSuite();

test('compare-table has a row per option', async () => {
  const { app, ui } = await suite.open();
  await ui.showView('compare');
  await ui.waitForFullFidelity();
  const rows = ui.compareTable.locator('tbody tr');
  const options = [
    'on-glasses',
    'on-phone',
    'cloud',
    'hybrid',
    'hybrid-cached',
    'small-on-phone',
    'cascade',
    'glasses-cascade',
  ];
  await expect.poll(() => rows.count()).toBe(options.length);
  for (const id of options) {
    await expect.poll(() => ui.byTestId(`compare-row-${id}`).count()).toBe(1);
  }
  await expect.poll(() => ui.compareTable.locator('.badge').count()).toBe(1);
  await ui.page.waitForSelector('[data-testid="latency-chart"] svg');
  await ui.page.waitForSelector('[data-testid="cost-chart"] svg');
  await ui.screenshot('compare-view');
  expect(app.pageErrors).toEqual([]);
});

test('a slower link makes the option that uses it slower', async () => {
  const { app, ui } = await suite.open();
  await ui.byTestId('diagram-option').selectOption('cloud');
  await ui.waitForFullFidelity();
  const before = await ui.canvasFigure('p95');
  await ui.selectItem('links', 'phone-cloud');
  await ui.setField('mbps', '0.5');
  // The cloud option sends each 60 kB scene photo from the phone over LTE: at 0.5 Mbit/s that
  // alone takes 960 ms instead of 24 ms, on every request.
  await expect.poll(() => ui.canvasFigure('p95')).toBeGreaterThan(before + 900);
  expect(app.pageErrors).toEqual([]);
});

test('adding a component and linking it shows it on the canvas; undo removes it', async () => {
  const { app, ui } = await suite.open();
  await ui.add('components');
  await expect.poll(() => ui.byTestId('outline-components-edge-1').count()).toBe(1);
  await ui.add('links');
  await ui.chooseField('between.1', 'phone');
  await ui.chooseField('tech', 'bluetooth');
  await ui.waitForCanvas('edge-1');
  await expect.poll(() => ui.byTestId('scenario-errors').count()).toBe(0);
  await ui.waitForFullFidelity();
  await expect.poll(() => ui.text('canvas-edge-edge-1-glasses')).toContain('edge-1-glasses · bluetooth');
  await expect.poll(() => ui.text('canvas-figures-glasses')).toContain('busy');
  await expect.poll(() => ui.text('canvas-figures-edge-1')).toContain('idle in this option');
  await ui.screenshot('model-view-edited');

  for (let step = 0; step < 4; step++) await ui.byTestId('undo').click();
  await expect.poll(() => ui.byTestId('outline-components-edge-1').count()).toBe(0);
  await expect.poll(() => ui.byTestId('undo').isDisabled()).toBe(true);
  await expect.poll(() => ui.canvasNode('edge-1').count()).toBe(0);
  await ui.byTestId('redo').click();
  await expect.poll(() => ui.byTestId('outline-components-edge-1').count()).toBe(1);
  await ui.page.locator('body').press('Control+z');
  await expect.poll(() => ui.byTestId('outline-components-edge-1').count()).toBe(0);
  await ui.page.locator('body').press('Control+Shift+z');
  await expect.poll(() => ui.byTestId('outline-components-edge-1').count()).toBe(1);
  expect(app.pageErrors).toEqual([]);
});

test('a custom hardware profile is added, renamed and used by a component', async () => {
  const { app, ui } = await suite.open();
  await ui.add('hardware');
  await ui.setField('id', 'edge-box');
  await ui.setField('label', 'Edge box prototype');
  await ui.setField('gflops', '25');
  await expect.poll(() => ui.byTestId('outline-hardware-edge-box').count()).toBe(1);
  await ui.selectItem('components', 'cloud');
  await ui.chooseField('hardware', 'edge-box');
  await expect.poll(() => ui.text('canvas-node-cloud')).toContain('Edge box prototype');
  await ui.selectItem('hardware', 'edge-box');
  await ui.setField('id', 'edge-box-2');
  await ui.selectItem('components', 'cloud');
  await expect.poll(() => ui.byTestId('field-hardware').inputValue()).toBe('edge-box-2');
  await expect.poll(() => ui.byTestId('scenario-errors').count()).toBe(0);
  expect(app.pageErrors).toEqual([]);
});

test('an invalid value is reported at its field and the last valid results stay', async () => {
  const { app, ui } = await suite.open();
  await ui.selectItem('links', 'phone-cloud');
  await ui.setField('mbps', '-3');
  await expect.poll(() => ui.page.locator('.field-invalid [data-testid="field-mbps"]').count()).toBe(1);
  await expect.poll(() => ui.text('scenario-errors')).toContain('links[1].mbps');
  await expect.poll(() => ui.text('canvas-edge-phone-cloud')).toContain('busy');
  await ui.byTestId('undo').click();
  await expect.poll(() => ui.byTestId('scenario-errors').count()).toBe(0);
  expect(app.pageErrors).toEqual([]);
});
