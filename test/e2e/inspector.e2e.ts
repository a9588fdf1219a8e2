// The whole scenario format through the inspector, without typing YAML: each structured editor
// writes the scenario's own form (checked in the saved file) and the results move.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES } from './support/app-fixture';
import { browserSuite } from './support/browser-suite';
import type { ScenarioDraft } from '../../app/editing/draft';
import type { PlacewisePage } from './support/placewise-page';

const suite = browserSuite();
// Each test waits for two full-fidelity runs and saves twice: more than a minute on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });
let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'placewise-inspector-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true, maxRetries: 10 });
});

function openTwoTier() {
  return suite.open({ scenario: join(FIXTURES, 'two-tier.yaml') });
}

/** Saves the open scenario to a new file and reads it back as the object it holds. */
async function saved(ui: PlacewisePage, name: string): Promise<ScenarioDraft> {
  const path = join(work, name);
  await ui.saveAs(path);
  // This file's own notice: the one of a save before may still be on screen.
  await expect.poll(() => ui.text('notice')).toContain(`Saved ${path}`);
  return parse(await readFile(path, 'utf8'));
}

/** The option's row in the Compare view once the full-fidelity run is in. */
async function compareRow(ui: PlacewisePage, option: string): Promise<string> {
  await ui.showView('compare');
  await ui.waitForFullFidelity();
  const text = await ui.compareRowText(option);
  await ui.showView('model');
  return text;
}

test('link outages: alternating periods with any distribution, and a fixed schedule', async () => {
  const { app, ui } = await openTwoTier();
  // A success budget, so the table shows what outages do to the option that needs the link.
  await ui.byTestId('outline-budgets').click();
  await ui.typeAt('budgets.success_rate', '0.99');
  const before = await compareRow(ui, 'in-cloud');
  expect(before).toContain('✓ 100%');

  await ui.selectItem('links', 'camera-cloud');
  await ui.input('links[0].outages', 'form').selectOption('alternating');
  await ui.input('links[0].outages.every_s', 'kind').selectOption('constant');
  await ui.typeAt('links[0].outages.every_s.constant', '40');
  await ui.input('links[0].outages.lasting_s', 'kind').selectOption('uniform');
  await ui.typeAt('links[0].outages.lasting_s.uniform[0]', '5');
  await ui.typeAt('links[0].outages.lasting_s.uniform[1]', '15');
  await expect.poll(() => ui.byTestId('scenario-errors').count()).toBe(0);
  const after = await compareRow(ui, 'in-cloud');
  expect(after).not.toEqual(before);
  expect(after).toContain('✗');

  let file = await saved(ui, 'alternating.yaml');
  expect(file.links![0].outages).toEqual({ every_s: { constant: 40 }, lasting_s: { uniform: [5, 15] } });

  await ui.selectItem('links', 'camera-cloud');
  await ui.input('links[0].outages', 'form').selectOption('schedule');
  await ui.typeAt('links[0].outages.schedule[0][0]', '100');
  await ui.typeAt('links[0].outages.schedule[0][1]', '250');
  await ui.input('links[0].outages.schedule', 'add').click();
  file = await saved(ui, 'schedule.yaml');
  expect(file.links![0].outages).toEqual({
    schedule: [
      [100, 250],
      [310, 460],
    ],
  });
  expect(app.pageErrors).toEqual([]);
});

test('autoscaling replaces a fixed replica count, and the cost follows the autoscaler', async () => {
  const { app, ui } = await openTwoTier();
  const before = await compareRow(ui, 'in-cloud');
  await ui.selectItem('components', 'cloud');
  await expect.poll(() => ui.input('components[1].replicas').inputValue()).toBe('2');
  await ui.input('components[1].replicas', 'form').selectOption('autoscaled');
  await ui.typeAt('components[1].replicas.min', '1');
  await ui.typeAt('components[1].replicas.max', '6');
  // The cloud runs at about half its 2 replicas: a quarter as target makes the autoscaler add some.
  await ui.typeAt('components[1].replicas.target_utilization', '0.25');
  await ui.input('components[1].replicas.cold_start_ms', 'kind').selectOption('lognormal');
  await expect.poll(() => ui.byTestId('scenario-errors').count()).toBe(0);
  const after = await compareRow(ui, 'in-cloud');
  expect(after).not.toEqual(before);
  const file = await saved(ui, 'autoscaled.yaml');
  expect(file.components[1].replicas).toMatchObject({ min: 1, max: 6, target_utilization: 0.25 });
  expect(Object.keys((file.components[1].replicas as { cold_start_ms: object }).cold_start_ms)).toEqual(['lognormal']);
  expect(app.pageErrors).toEqual([]);
});

test('a 24-hour load profile is drawn with the pointer and typed per hour', async () => {
  const { app, ui } = await openTwoTier();
  const before = await compareRow(ui, 'in-cloud');
  await ui.byTestId('outline-workload').click();
  await ui.input('workload.load_profile', 'add').click();
  // Drag across the evening bars, to the top of the scale.
  const bars = ui.page.locator('.load-profile-bars');
  // The editor has just appeared: measure it once it has stopped moving (a loaded machine may
  // still be laying out the inspector around it).
  let box = (await bars.boundingBox())!;
  await expect
    .poll(async () => {
      const previous = box;
      box = (await bars.boundingBox())!;
      return JSON.stringify(box) === JSON.stringify(previous);
    })
    .toBe(true);
  const xOf = (hour: number) => box.x + ((hour + 0.5) / 24) * box.width;
  await ui.page.mouse.move(xOf(18), box.y + box.height - 2);
  await ui.page.mouse.down();
  await ui.page.mouse.move(xOf(19), box.y + 2, { steps: 4 });
  await ui.page.mouse.move(xOf(20), box.y + 2, { steps: 4 });
  await ui.page.mouse.up();
  await ui.input('workload.load_profile', 'hour').selectOption('3');
  await ui.typeAt('workload.load_profile[3]', '0.25');
  await expect.poll(() => ui.byTestId('scenario-errors').count()).toBe(0);
  const after = await compareRow(ui, 'in-cloud');
  expect(after).not.toEqual(before);
  const file = await saved(ui, 'profile.yaml');
  const profile = file.workload.load_profile!;
  expect(profile).toHaveLength(24);
  expect(profile[3]).toBe(0.25);
  expect(profile[20]).toBeGreaterThan(1.5);
  expect(profile[19]).toBeGreaterThan(1.5);
  expect(profile[12]).toBe(1);
  expect(app.pageErrors).toEqual([]);
});

test("an option's fallback, cache and telemetry are picked, not typed", async () => {
  const { app, ui } = await openTwoTier();
  const before = await compareRow(ui, 'in-cloud');
  await ui.selectItem('options', 'in-cloud');
  await ui.input('options[1].fallback', 'new-key').selectOption('detect');
  await ui.input('options[1].fallback', 'add').click();
  await ui.input('options[1].fallback.detect.at').selectOption('camera');
  await ui.input('options[1].cache', 'new-key').selectOption('detect');
  await ui.input('options[1].cache', 'add').click();
  await ui.input('options[1].cache.detect.at').selectOption('camera');
  await ui.typeAt('options[1].cache.detect.hit_rate', '0.6');
  await ui.input('options[1].telemetry', 'add').click();
  await ui.typeAt('options[1].telemetry.sample_rate', '0.2');
  await ui.typeAt('options[1].telemetry.kb', '400');
  await ui.input('options[1].telemetry.to').selectOption('cloud');
  await expect.poll(() => ui.byTestId('scenario-errors').count()).toBe(0);
  const after = await compareRow(ui, 'in-cloud');
  expect(after).not.toEqual(before);
  const file = await saved(ui, 'option.yaml');
  expect(file.options[1]).toMatchObject({
    fallback: { detect: { at: 'camera' } },
    cache: { detect: { at: 'camera', hit_rate: 0.6 } },
    telemetry: { sample_rate: 0.2, kb: 400, to: 'cloud' },
  });
  expect(app.pageErrors).toEqual([]);
});

test('an uncertain range on a number, sampled by Monte Carlo with progress and a cancel', async () => {
  const { app, ui } = await openTwoTier();
  const before = await compareRow(ui, 'in-cloud');
  await ui.selectItem('links', 'camera-cloud');
  await ui.input('links[0].mbps', 'uncertainty').click();
  await ui.typeAt('links[0].mbps.range[0]', '1');
  await ui.typeAt('links[0].mbps.range[1]', '3');
  await expect.poll(() => ui.byTestId('scenario-errors').count()).toBe(0);
  // A normal run uses the range's midpoint: 2 Mbit/s instead of 10.
  await ui.waitForCanvasText('2 Mbit/s');
  const after = await compareRow(ui, 'in-cloud');
  expect(after).not.toEqual(before);
  const file = await saved(ui, 'uncertain.yaml');
  expect(file.links![0].mbps).toEqual({ range: [1, 3] });

  await ui.showView('compare');
  await ui.runMonteCarlo(1000);
  await expect.poll(() => ui.text('uncertainty-progress'), { timeout: 30_000 }).toMatch(/[\d,]+ of 1,000 samples/);
  await ui.byTestId('uncertainty-cancel').click();
  await expect.poll(() => ui.byTestId('uncertainty-progress').count()).toBe(0);
  await expect.poll(() => ui.byTestId('uncertainty-run').isEnabled()).toBe(true);
  expect(app.pageErrors).toEqual([]);
});

test('a distribution changes kind, keeping its mean, and undo restores it', async () => {
  const { app, ui } = await openTwoTier();
  await ui.selectItem('pipeline', 'capture');
  await ui.input('pipeline[0].compute_ms', 'kind').selectOption('exponential');
  await expect.poll(() => ui.input('pipeline[0].compute_ms.exponential').inputValue()).toBe('2');
  await ui.input('pipeline[0].compute_ms.exponential', 'uncertainty').click();
  await expect.poll(() => ui.input('pipeline[0].compute_ms.exponential.range[0]').inputValue()).toBe('1.6');
  await ui.byTestId('undo').click();
  await ui.byTestId('undo').click();
  await expect.poll(() => ui.input('pipeline[0].compute_ms').inputValue()).toBe('2');
  // Every input of the inspector carries the test contract's attributes.
  const inputs = ui.byTestId('inspector').locator('input, select');
  const count = await inputs.count();
  expect(count).toBeGreaterThan(3);
  for (let index = 0; index < count; index++) {
    expect(await inputs.nth(index).getAttribute('data-field')).toBeTruthy();
    expect(await inputs.nth(index).getAttribute('data-path')).toMatch(/^pipeline\[0\]\./);
  }
  expect(app.pageErrors).toEqual([]);
});

test('a device population, a personal step and a personal-data budget, written in place', async () => {
  const { app, ui } = await openTwoTier();
  await ui.selectItem('components', 'camera');
  await ui.input('components[0].hardware_mix', 'add').click();
  // The mix starts from the camera's own hardware and replaces it.
  await expect.poll(() => ui.input('components[0].hardware').count()).toBe(0);
  await ui.typeAt('components[0].hardware_mix[0].share', '0.4');
  await ui.input('components[0].hardware_mix', 'add').click();
  await ui.input('components[0].hardware_mix[1].hardware').selectOption('jetson-orin-nano');
  await ui.typeAt('components[0].hardware_mix[1].share', '0.6');

  await ui.selectItem('pipeline', 'capture');
  await ui.input('pipeline[0].personal').check();
  await ui.byTestId('outline-budgets').click();
  await ui.typeAt('budgets.personal_gb_per_month', '0');
  await expect.poll(() => ui.byTestId('scenario-errors').count()).toBe(0);
  // The budget is a column of the Compare table, and the camera's frames leave it only when the cloud detects.
  await ui.showView('compare');
  await ui.waitForFullFidelity();
  expect(await ui.text('compare-table')).toContain('Personal data out ≤ 0 GB/month');
  await ui.showView('model');

  const path = join(work, 'population.yaml');
  await ui.saveAs(path);
  await expect.poll(() => ui.text('notice')).toContain(`Saved ${path}`);
  const text = await readFile(path, 'utf8');
  expect(text).toContain('# A small scenario for the end-to-end tests');
  const file = parse(text) as ScenarioDraft;
  expect(file.components[0]).not.toHaveProperty('hardware');
  expect(file.components[0].hardware_mix).toEqual([
    { hardware: 'raspberry-pi-5', share: 0.4 },
    { hardware: 'jetson-orin-nano', share: 0.6 },
  ]);
  expect(file.pipeline[0].personal).toBe(true);
  expect(file.budgets?.personal_gb_per_month).toBe(0);
  expect(app.pageErrors).toEqual([]);
});

test("a structure's inputs stay inside the inspector: a measured latency and a link's outages", async () => {
  const { app, ui } = await openTwoTier();
  // Every control of the inspector ends left of its right edge (at the suite's 1,400 px window,
  // a group's labels beside the field's own once pushed the measured latency's inputs past it).
  const overflowing = () =>
    ui.page.evaluate(() => {
      const inspector = document.querySelector('.inspector')!.getBoundingClientRect();
      return [...document.querySelectorAll('.inspector input, .inspector select, .inspector button')]
        .filter((control) => control.getBoundingClientRect().right > inspector.right + 0.5)
        .map((control) => control.getAttribute('data-path') ?? control.textContent);
    });
  await ui.selectItem('models', 'detector');
  await ui.input('models[0].latency_ms', 'add').click();
  await ui.typeAt('models[0].latency_ms.p50', '40');
  await expect.poll(() => ui.input('models[0].latency_ms.overhead_ms').count()).toBe(1);
  expect(await overflowing()).toEqual([]);

  await ui.selectItem('links', 'camera-cloud');
  await ui.input('links[0].outages', 'form').selectOption('alternating');
  await ui.input('links[0].outages.every_s', 'kind').selectOption('uniform');
  await expect.poll(() => ui.input('links[0].outages.every_s.uniform[1]').count()).toBe(1);
  expect(await overflowing()).toEqual([]);
  expect(app.pageErrors).toEqual([]);
});
