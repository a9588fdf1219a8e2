// What the host refuses, the app shows: a YAML file the parser chokes on (alias bombs, cycles,
// unknown aliases), a device, the host's own files, and a full simulation queue each end in a
// message on screen, never in a page error, and the open work stays.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHostWork } from '../../electron/host/work/host-work';
import { callApi } from '../unit/electron/http-call';
import { ALIAS_PROBLEMS } from '../unit/support/yaml-alias-problems';
import { FIXTURES, ROOT } from './support/app-fixture';
import { browserSuite } from './support/browser-suite';

const suite = browserSuite();
let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'placewise-limits-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function openTwoTierEdited() {
  const opened = await suite.open({ scenario: join(FIXTURES, 'two-tier.yaml') });
  await opened.ui.selectItem('links', 'camera-cloud');
  await opened.ui.setField('mbps', '4');
  return opened;
}

test('YAML alias bombs, cycles and unknown aliases are shown in the open errors, and the work stays', async () => {
  const { app, ui } = await openTwoTierEdited();
  for (const [name, text] of Object.entries(ALIAS_PROBLEMS)) {
    const file = join(work, name);
    await writeFile(file, text);
    await ui.openPath(file);
    await expect.poll(() => ui.text('open-errors'), { message: name }).toContain(`${file}: (file): `);
    await expect.poll(() => ui.byTestId('field-mbps').inputValue()).toBe('4');
  }
  await ui.screenshot('open-alias-bomb');
  expect(app.pageErrors).toEqual([]);
});

test("a device and the host's own files are refused with a message", async () => {
  const { app, ui } = await openTwoTierEdited();
  await ui.openPath('/dev/zero');
  await expect.poll(() => ui.text('open-errors')).toContain('/dev/zero: is a device, not a regular file');
  const recent = join(app.dataDir, 'recent.json');
  await expect.poll(() => readFile(recent, 'utf8').catch(() => '')).toContain('two-tier.yaml');
  await ui.openPath(recent);
  await expect.poll(() => ui.text('open-errors')).toContain(`${recent}: is one of Placewise's own files`);
  const before = await readFile(recent, 'utf8');
  await ui.saveAs(recent);
  await expect.poll(() => ui.text('notice')).toContain(`${recent}: is one of Placewise's own files`);
  expect(await readFile(recent, 'utf8')).toBe(before);
  await expect.poll(() => ui.text('document-title')).toContain('•');
  expect(app.pageErrors).toEqual([]);
});

test('an export refused because the host is busy says so', async () => {
  const pools = createHostWork({ simulations: { workers: 1, queue: 0 } });
  const { app, ui } = await suite.open({ scenario: join(FIXTURES, 'two-tier.yaml'), work: pools });
  try {
    // The one worker simulates a long run; nothing may wait behind it.
    const arText = await readFile(join(ROOT, 'scenarios', 'ar-translation.yaml'), 'utf8');
    const long = callApi(app.server, 'exportScenario', [
      { scenarioText: arText.replace('requests: 20000', 'requests: 5000000'), format: 'md' },
    ]);
    await expect.poll(() => pools.simulations.running).toBe(1);
    await ui.showView('export');
    await ui.byTestId('export-format').selectOption('md');
    await ui.byTestId('export-run').click();
    await expect.poll(() => ui.text('notice')).toMatch(/Export failed: the host is busy: .*try again in \d+ s/);
    long.abandon();
    // The browser logs the refused request itself; nothing else may have gone wrong.
    expect(app.pageErrors.filter((error) => !error.includes('429'))).toEqual([]);
  } finally {
    pools.simulations.close();
  }
});
