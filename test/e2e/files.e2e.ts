import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { FIXTURES } from './support/app-fixture';
import { browserSuite } from './support/browser-suite';

const suite = browserSuite();
let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'placewise-files-'));
  await copyFile(join(FIXTURES, 'two-tier.yaml'), join(work, 'two-tier.yaml'));
});
afterEach(async () => {
  await chmod(work, 0o755).catch(() => undefined);
  await rm(work, { recursive: true, force: true, maxRetries: 10 });
});

function openTwoTier(dataDir?: string) {
  return suite.open({ scenario: join(work, 'two-tier.yaml'), dataDir });
}

test('a saved scenario reopens with the edit', async () => {
  const { app, ui } = await openTwoTier();
  await ui.selectItem('links', 'camera-cloud');
  await ui.setField('mbps', '7.5');
  const saved = join(work, 'saved.yaml');
  await ui.saveAs(saved);
  await expect.poll(() => ui.text('notice')).toContain(`Saved ${saved}`);
  expect(await readFile(saved, 'utf8')).toContain('mbps: 7.5');

  await ui.openPath(join(work, 'two-tier.yaml'));
  await ui.waitForCanvasText('10 Mbit/s');
  await ui.openPath(saved);
  await ui.waitForCanvasText('7.5 Mbit/s');
  await ui.selectItem('links', 'camera-cloud');
  await expect.poll(() => ui.byTestId('field-mbps').inputValue()).toBe('7.5');
  await expect.poll(() => ui.text('document-title')).not.toContain('•');
  expect(app.pageErrors).toEqual([]);
});

test('opening a file over unsaved work asks first', async () => {
  const { app, ui } = await openTwoTier();
  await ui.selectItem('links', 'camera-cloud');
  await ui.setField('mbps', '3.5');
  await ui.openPath(join(work, 'two-tier.yaml'));
  await ui.byTestId('discard-cancel').click();
  await expect.poll(() => ui.byTestId('field-mbps').inputValue()).toBe('3.5');
  await ui.openPath(join(work, 'two-tier.yaml'));
  await ui.byTestId('discard-confirm').click();
  await ui.waitForCanvasText('10 Mbit/s');
  await expect.poll(() => ui.text('document-title')).not.toContain('•');
  expect(app.pageErrors).toEqual([]);
});

test('opening a file that is not YAML says why and keeps the open work', async () => {
  const { app, ui } = await openTwoTier();
  await ui.selectItem('links', 'camera-cloud');
  await ui.setField('mbps', '4');
  const notYaml = join(work, 'not-yaml.yaml');
  await writeFile(notYaml, 'placewise: 1\nname: [unclosed\n');
  await ui.openPath(notYaml);
  await ui.byTestId('open-errors').waitFor();
  expect(await ui.text('open-errors')).toContain('not valid YAML or JSON');
  await expect.poll(() => ui.text('document-title')).toContain('Two-tier camera analytics •');
  await expect.poll(() => ui.byTestId('field-mbps').inputValue()).toBe('4');
  await ui.screenshot('open-broken-scenario');

  await ui.openPath(join(work, 'vanished.yaml'));
  await ui.page.waitForFunction(() =>
    document.querySelector('[data-testid="open-errors"]')?.textContent?.includes('does not exist'),
  );
  await expect.poll(() => ui.byTestId('field-mbps').inputValue()).toBe('4');
  expect(app.pageErrors).toEqual([]);
});

test('a save to a read-only folder says so and keeps the work', async () => {
  const { app, ui } = await openTwoTier();
  await ui.selectItem('links', 'camera-cloud');
  await ui.setField('mbps', '6');
  // Root writes through permissions; sysfs refuses new files even to root.
  const locked = process.getuid?.() === 0 ? '/sys' : join(work, 'locked');
  if (locked !== '/sys') {
    await mkdir(locked);
    await chmod(locked, 0o555);
  }
  await ui.saveAs(join(locked, 'out.yaml'));
  await expect.poll(() => ui.text('notice')).toContain('read-only or permission is denied; your work is untouched');
  await expect.poll(() => ui.text('document-title')).toContain('•');
  await expect.poll(() => ui.byTestId('field-mbps').inputValue()).toBe('6');
  expect(app.pageErrors).toEqual([]);
});

test('unsaved work survives a crash and is offered on the next start', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'placewise-data-'));
  try {
    const crashed = await openTwoTier(dataDir);
    await crashed.ui.selectItem('links', 'camera-cloud');
    await crashed.ui.setField('mbps', '2.5');
    await expect.poll(() => readFile(join(dataDir, 'recovery.json'), 'utf8').catch(() => '')).toContain('2.5');
    await crashed.app.close();

    const restarted = await openTwoTier(dataDir);
    await restarted.ui.byTestId('recovery-restore').click();
    await restarted.ui.waitForCanvasText('2.5 Mbit/s');
    await expect.poll(() => restarted.ui.text('document-title')).toContain('•');
    // Closed before its data folder goes: its autosave may still be writing there.
    await restarted.app.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10 });
  }
});
