// The canvas of the Model view: selecting, linking, moving chips and components, deleting,
// adding from the palette, reordering steps; each undoable, positions saved in the file.
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES } from './support/app-fixture';
import { browserSuite } from './support/browser-suite';
import type { PlacewisePage } from './support/placewise-page';

const suite = browserSuite();
let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'placewise-canvas-'));
  await copyFile(join(FIXTURES, 'two-tier.yaml'), join(work, 'two-tier.yaml'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true, maxRetries: 10 });
});

function inspectorTitle(ui: PlacewisePage): Promise<string> {
  return ui.byTestId('inspector').locator('h2').innerText();
}

/** Saves in place with Ctrl+S and reads the file back. */
async function saveAndRead(ui: PlacewisePage, path: string): Promise<Record<string, unknown>> {
  await ui
    .byTestId('notice')
    .locator('button')
    .click({ timeout: 1000 })
    .catch(() => undefined);
  await ui.page.locator('body').press('Control+s');
  await expect.poll(() => ui.text('notice')).toContain('Saved');
  return parse(await readFile(path, 'utf8'));
}

test('clicking a component, a link or a chip selects it in the inspector; the outline selects on the canvas', async () => {
  const { app, ui } = await suite.open();
  await ui.canvasNode('phone').click({ position: { x: 60, y: 12 } });
  await expect.poll(() => inspectorTitle(ui)).toBe('Components · phone');
  await ui.canvasEdge('phone-cloud').click();
  await expect.poll(() => inspectorTitle(ui)).toBe('Links · phone-cloud');
  await ui.chip('detect').click();
  await expect.poll(() => inspectorTitle(ui)).toBe('Steps · detect');
  await expect.poll(() => ui.chip('detect').getAttribute('class')).toContain('selected');

  await ui.selectItem('components', 'glasses');
  await expect.poll(() => ui.canvasNode('glasses').locator('xpath=..').getAttribute('class')).toContain('selected');
  await expect.poll(() => ui.canvasNode('phone').locator('xpath=..').getAttribute('class')).not.toContain('selected');
  await ui.selectItem('links', 'glasses-phone');
  await expect.poll(() => ui.canvasEdge('glasses-phone').getAttribute('class')).toContain('selected');
  expect(app.pageErrors).toEqual([]);
});

test('dragging from one component to another adds a link of a fitting technology; undo removes it', async () => {
  const { app, ui } = await suite.open();
  await ui.connect('glasses', 'cloud');
  await ui.waitForCanvas('glasses');
  await expect.poll(() => ui.canvasEdge('glasses-cloud').count()).toBe(1);
  await expect.poll(() => inspectorTitle(ui)).toBe('Links · glasses-cloud');
  await expect.poll(() => ui.byTestId('field-tech').inputValue()).toBe('lte');
  // A second link between the same two is refused.
  await ui.connect('cloud', 'glasses');
  await expect.poll(() => ui.page.locator('[data-testid^="canvas-edge-"]').count()).toBe(4);
  await ui.page.locator('body').press('Control+z');
  await expect.poll(() => ui.canvasEdge('glasses-cloud').count()).toBe(0);
  expect(app.pageErrors).toEqual([]);
});

test("moving a step's chip to another component re-simulates the option; undo moves it back", async () => {
  const { app, ui } = await suite.open();
  await ui.byTestId('diagram-option').selectOption('hybrid');
  await ui.waitForFullFidelity();
  const cost = await ui.text('canvas-cost');
  const costUsd = await ui.canvasFigure('cost');
  const translateOnCloud = ui.canvasNode('cloud').getByTestId('canvas-chip-step-translate');
  await expect.poll(() => translateOnCloud.count()).toBe(1);

  await ui.moveChip(translateOnCloud, 'phone');
  await expect.poll(() => ui.canvasNode('phone').getByTestId('canvas-chip-step-translate').count()).toBe(1);
  await expect.poll(() => translateOnCloud.count()).toBe(0);
  await expect.poll(() => ui.text('strip-step-translate')).toContain('on phone');
  // The phones now hold the translation model, whose updates ship to every user: the month costs more.
  await expect.poll(() => ui.canvasFigure('cost')).toBeGreaterThan(costUsd);

  await ui.byTestId('undo').click();
  await expect.poll(() => translateOnCloud.count()).toBe(1);
  await ui.waitForFullFidelity();
  // The same scenario and seed simulate to the same figures.
  await expect.poll(() => ui.text('canvas-cost')).toBe(cost);
  // A pinned step stays where it is pinned.
  await ui.moveChip(ui.chip('capture'), 'phone');
  await expect.poll(() => ui.canvasNode('glasses').getByTestId('canvas-chip-step-capture').count()).toBe(1);
  expect(app.pageErrors).toEqual([]);
});

test('moved components keep their positions in the saved file; undo puts them back', async () => {
  const file = join(work, 'two-tier.yaml');
  const { app, ui } = await suite.open({ scenario: file });
  await ui.byTestId('canvas-tidy').click();
  const tidy = (await saveAndRead(ui, file)).layout as Record<string, { x: number; y: number }>;
  expect(Object.keys(tidy)).toEqual(['camera', 'cloud']);

  const zoom = await ui.page
    .locator('.react-flow__viewport')
    .evaluate((viewport) => new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a);
  // Positions within the canvas: the strips above it may change height when the figures change.
  const where = async () => {
    const [node, pane] = await Promise.all([
      ui.canvasNode('camera').boundingBox(),
      ui.canvas.locator('.react-flow').boundingBox(),
    ]);
    return { x: node!.x - pane!.x, y: node!.y - pane!.y };
  };
  const before = await where();
  const name = await ui.centreOf(ui.canvasNode('camera').locator('.component-name'));
  await ui.drag(ui.canvasNode('camera').locator('.component-name'), { x: name.x + 120, y: name.y + 90 });
  await expect.poll(async () => (await where()).x).toBeGreaterThan(before.x + 60);
  const after = await where();
  const moved = (await saveAndRead(ui, file)).layout as typeof tidy;
  // Where it was drawn when the drag ended, in canvas units (whole ones).
  expect(Math.abs(moved.camera.x - (tidy.camera.x + (after.x - before.x) / zoom))).toBeLessThanOrEqual(1);
  expect(Math.abs(moved.camera.y - (tidy.camera.y + (after.y - before.y) / zoom))).toBeLessThanOrEqual(1);
  expect(moved.cloud).toEqual(tidy.cloud);

  // Arrow keys move the selected component 5 units a press; the burst is one edit.
  await ui.canvasNode('camera').locator('.component-name').click();
  for (let press = 0; press < 4; press++) await ui.page.keyboard.press('ArrowDown');
  await expect
    .poll(async () => ((await saveAndRead(ui, file)).layout as typeof tidy).camera)
    .toEqual({ x: moved.camera.x, y: moved.camera.y + 20 });
  await ui.page.locator('body').press('Control+z');
  expect(((await saveAndRead(ui, file)).layout as typeof tidy).camera).toEqual(moved.camera);
  await ui.page.locator('body').press('Control+z');
  expect(((await saveAndRead(ui, file)).layout as typeof tidy).camera).toEqual(tidy.camera);
  expect(app.pageErrors).toEqual([]);
});

test('Delete removes the selected component with its links, and undo brings them back', async () => {
  const { app, ui } = await suite.open();
  await ui.canvasNode('phone').click({ position: { x: 60, y: 12 } });
  await ui.page.keyboard.press('Delete');
  await expect.poll(() => ui.canvasNode('phone').count()).toBe(0);
  await expect.poll(() => ui.canvasEdge('glasses-phone').count()).toBe(0);
  await expect.poll(() => ui.canvasEdge('phone-cloud').count()).toBe(0);
  await ui.page.locator('body').press('Control+z');
  await ui.waitForCanvas('phone');
  await expect.poll(() => ui.canvasEdge('phone-cloud').count()).toBe(1);
  await expect.poll(() => ui.canvasEdge('glasses-phone').count()).toBe(1);
  await ui.canvasEdge('glasses-phone').click();
  // Delete acts on what the canvas has selected: wait until the click has selected the link.
  await expect.poll(() => inspectorTitle(ui)).toBe('Links · glasses-phone');
  await ui.page.keyboard.press('Delete');
  await expect.poll(() => ui.canvasEdge('glasses-phone').count()).toBe(0);
  await expect.poll(() => ui.canvasNode('phone').count()).toBe(1);
  expect(app.pageErrors).toEqual([]);
});

test('the palette adds a component where it is dropped, or beside the others on a click', async () => {
  const file = join(work, 'two-tier.yaml');
  const { app, ui } = await suite.open({ scenario: file });
  await ui.byTestId('palette-edge').click();
  await ui.waitForCanvas('edge-1');
  await expect.poll(() => inspectorTitle(ui)).toBe('Components · edge-1');
  await expect.poll(() => ui.byTestId('field-hardware').inputValue()).toBe('jetson-orin-nano');
  // The results of the edit above change the header's height as they arrive, moving the canvas:
  // let them all arrive before measuring where to drop.
  await ui.waitForFullFidelity();

  const pane = (await ui.page.locator('.react-flow').boundingBox())!;
  await ui.drag(ui.byTestId('palette-serverless'), { x: pane.x + pane.width - 150, y: pane.y + pane.height - 80 });
  await ui.waitForCanvas('serverless-1');
  // Dropped where the pointer let go: its top-left corner there, within the canvas. Measured
  // against the canvas as it is now: results that arrive meanwhile may change the height of the
  // header above it, moving the whole canvas (and the node with it) down or up.
  const [node, paneNow] = await Promise.all([
    ui.canvasNode('serverless-1').boundingBox(),
    ui.page.locator('.react-flow').boundingBox(),
  ]);
  expect(Math.abs(node!.x - paneNow!.x - (pane.width - 150))).toBeLessThan(3);
  expect(Math.abs(node!.y - paneNow!.y - (pane.height - 80))).toBeLessThan(3);
  const saved = await saveAndRead(ui, file);
  expect(Object.keys(saved.layout as object)).toEqual(['camera', 'cloud', 'edge-1', 'serverless-1']);
  await ui.byTestId('undo').click();
  await expect.poll(() => ui.canvasNode('serverless-1').count()).toBe(0);
  expect(app.pageErrors).toEqual([]);
});

test('dragging a step along the steps strip reorders the pipeline; undo restores the order', async () => {
  const { app, ui } = await suite.open();
  await ui.waitForFullFidelity();
  const order = () =>
    ui.page
      .locator('[data-testid^="strip-step-"]')
      .evaluateAll((steps) => steps.map((step) => step.getAttribute('data-testid')));
  await ui.drag(ui.byTestId('strip-step-translate'), await ui.centreOf(ui.byTestId('strip-step-detect')));
  await expect
    .poll(order)
    .toEqual(['strip-step-capture', 'strip-step-translate', 'strip-step-detect', 'strip-step-recognize']);
  await ui.byTestId('undo').click();
  await expect
    .poll(order)
    .toEqual(['strip-step-capture', 'strip-step-detect', 'strip-step-recognize', 'strip-step-translate']);
  expect(app.pageErrors).toEqual([]);
});

test("a run's warnings show on the component they are about", async () => {
  const { app, ui } = await suite.open({ scenario: join(work, 'two-tier.yaml') });
  await ui.byTestId('diagram-option').selectOption('in-cloud');
  await ui.byTestId('outline-workload').click();
  await ui.setField('users', '2000');
  await ui.waitForFullFidelity();
  await expect.poll(() => ui.text('canvas-figures-cloud')).toContain('saturated');
  await expect.poll(() => ui.canvasNode('cloud').getAttribute('class')).toContain('over-budget');
  await expect
    .poll(() => ui.canvasNode('cloud').locator('.warning-badge').getAttribute('aria-label'))
    .toContain('cloud is saturated');
  await expect.poll(() => ui.canvasNode('camera').locator('.warning-badge').count()).toBe(0);
  await ui.screenshot('canvas-saturated');
  await ui.byTestId('undo').click();
  await ui.waitForFullFidelity();
  await expect.poll(() => ui.canvasNode('cloud').locator('.warning-badge').count()).toBe(0);
  expect(app.pageErrors).toEqual([]);
});
