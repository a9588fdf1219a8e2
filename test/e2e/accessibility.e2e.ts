// Accessibility of every view with a scenario loaded: no critical or serious violation found by
// axe-core (its own source injected into the page), a heading on every view, tabs that say which
// is selected, and dialogs that keep focus inside and close on Escape.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect, test, vi } from 'vitest';
import { browserSuite } from './support/browser-suite';
import type { PlacewisePage } from './support/placewise-page';

const suite = browserSuite();
// Each test opens the AR scenario and waits for its runs: over a minute on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });
const VIEWS = ['model', 'compare', 'capacity', 'benchmark', 'export'] as const;
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's critical and serious violations on the page as it is, each as one readable line. */
async function seriousViolations(ui: PlacewisePage): Promise<string[]> {
  // Evaluated through the debugging protocol: the app's Content-Security-Policy rightly refuses
  // an inline script tag.
  if (!(await ui.page.evaluate(() => 'axe' in window))) await ui.page.evaluate(await axeSource);
  const violations = await ui.page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

test('no critical or serious axe violations on any view, each with a heading and a selected tab', async () => {
  const { app, ui } = await suite.open();
  await ui.waitForFullFidelity();
  for (const view of VIEWS) {
    await ui.showView(view);
    const tab = ui.byTestId(`view-${view}`);
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    expect(await tab.getAttribute('role')).toBe('tab');
    expect(await ui.page.locator('[role="tab"][aria-selected="false"]').count()).toBe(VIEWS.length - 1);
    // A heading of the view's own besides the page's.
    await expect.poll(() => ui.page.locator('#view-panel h2').count()).toBeGreaterThan(0);
    if (view === 'compare') await ui.page.waitForSelector('[data-testid="latency-chart"] svg');
    if (view === 'benchmark')
      await ui.page.waitForSelector('[data-testid="bench-model"] option', { state: 'attached' });
    expect(await seriousViolations(ui), view).toEqual([]);
  }
  // The inspector's structured editors too: a link with outages, an option with its structures.
  await ui.showView('model');
  await ui.selectItem('links', 'phone-cloud');
  expect(await seriousViolations(ui), 'link inspector').toEqual([]);
  await ui.selectItem('options', 'hybrid');
  expect(await seriousViolations(ui), 'option inspector').toEqual([]);
  await ui.byTestId('outline-workload').click();
  await ui.input('workload.load_profile', 'add').click();
  expect(await seriousViolations(ui), 'load profile').toEqual([]);
  expect(app.pageErrors).toEqual([]);
  // A full run of the AR scenario and axe on seven screens: minutes on a loaded machine.
}, 180_000);

test('arrow keys move between the view tabs', async () => {
  const { ui } = await suite.open();
  await ui.byTestId('view-model').focus();
  await ui.page.keyboard.press('ArrowRight');
  await expect.poll(() => ui.byTestId('view-compare').getAttribute('aria-selected')).toBe('true');
  await expect.poll(() => ui.page.evaluate(() => document.activeElement?.id)).toBe('tab-compare');
  await ui.page.keyboard.press('ArrowLeft');
  await ui.page.keyboard.press('ArrowLeft');
  await expect.poll(() => ui.byTestId('view-export').getAttribute('aria-selected')).toBe('true');
});

test('a dialog keeps focus inside, closes on Escape and gives focus back', async () => {
  const { app, ui } = await suite.open();
  await ui.byTestId('open').click();
  const dialog = ui.byTestId('path-prompt');
  await dialog.waitFor();
  expect(await dialog.getAttribute('role')).toBe('dialog');
  expect(await dialog.getAttribute('aria-modal')).toBe('true');
  await expect
    .poll(() => ui.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
    .toBe('path-input');
  const focusInside = () =>
    ui.page.evaluate(() => document.querySelector('[data-testid="path-prompt"]')!.contains(document.activeElement));
  // Tab and Shift+Tab go round the dialog's controls and never leave it.
  for (let press = 0; press < 5; press++) {
    await ui.page.keyboard.press('Tab');
    expect(await focusInside()).toBe(true);
  }
  for (let press = 0; press < 5; press++) {
    await ui.page.keyboard.press('Shift+Tab');
    expect(await focusInside()).toBe(true);
  }
  await ui.page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
  await expect.poll(() => ui.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open');
  expect(app.pageErrors).toEqual([]);
});
