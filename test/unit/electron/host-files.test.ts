import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AppDataStore } from '../../../electron/host/app-data';
import { createPlacewiseHost } from '../../../electron/host/host';
import { openScenarioFile, saveScenarioFile } from '../../../electron/host/scenario-files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'placewise-host-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scenario files', () => {
  test('a save replaces the file whole and leaves no temporary file', async () => {
    const path = join(dir, 'a.yaml');
    await writeFile(path, 'old');
    await expect(saveScenarioFile({ path, text: 'new' })).resolves.toEqual({ ok: true, path });
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.yaml']);
  });

  test('saving through the host keeps a hard-linked scenario one file under each of its names', async () => {
    const path = join(dir, 'a.yaml');
    const shared = join(dir, 'shared-with-another-project.yaml');
    await writeFile(path, 'placewise: 1 # the old text, longer than the new one\n');
    await link(path, shared);
    const host = createPlacewiseHost({
      transport: 'electron',
      dataDir: join(dir, 'data'),
      startScenarioPath: null,
      version: 'test',
    });
    await expect(host.saveScenario({ path, text: 'placewise: 1\n' })).resolves.toEqual({ ok: true, path });
    expect((await stat(path)).ino).toBe((await stat(shared)).ino);
    expect((await stat(path)).nlink).toBe(2);
    expect(await readFile(shared, 'utf8')).toBe('placewise: 1\n');
    expect((await readdir(dir)).sort()).toEqual(['a.yaml', 'data', 'shared-with-another-project.yaml']);
  });

  test('a failed save says why and leaves the old file as it was', async () => {
    const path = join(dir, 'missing-folder', 'a.yaml');
    const result = await saveScenarioFile({ path, text: 'x' });
    expect(result).toEqual({
      ok: false,
      path,
      message: `${path}: cannot save: the folder does not exist; your work is untouched`,
    });
    await mkdir(join(dir, 'folder.yaml'));
    const onFolder = await saveScenarioFile({ path: join(dir, 'folder.yaml'), text: 'x' });
    expect(onFolder.ok).toBe(false);
    expect(await readdir(dir)).toEqual(['folder.yaml']);
  });

  test('a save to a read-only place is reported as such', async () => {
    // sysfs refuses new files even to root; elsewhere the message is the same for EACCES.
    const result = await saveScenarioFile({ path: '/sys/placewise-test.yaml', text: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('read-only or permission is denied; your work is untouched');
  });

  test('opening says what is wrong with a path', async () => {
    await expect(openScenarioFile(join(dir, 'nope.yaml'))).resolves.toMatchObject({
      ok: false,
      message: expect.stringContaining('does not exist'),
    });
    await expect(openScenarioFile(dir)).resolves.toMatchObject({
      ok: false,
      message: expect.stringContaining('is a folder'),
    });
    await writeFile(join(dir, 'big.yaml'), Buffer.alloc(5_000_001));
    await expect(openScenarioFile(join(dir, 'big.yaml'))).resolves.toMatchObject({
      ok: false,
      message: expect.stringContaining('too large'),
    });
  });
});

describe('the app data folder', () => {
  test('keeps the recovery copy until cleared', async () => {
    const store = new AppDataStore(join(dir, 'data'));
    await expect(store.readRecovery()).resolves.toBeNull();
    await store.writeRecovery({ path: '/x.yaml', text: 'work' });
    await expect(store.readRecovery()).resolves.toMatchObject({ path: '/x.yaml', text: 'work' });
    await store.clearRecovery();
    await expect(store.readRecovery()).resolves.toBeNull();
  });

  test('a damaged recovery file reads as none', async () => {
    const store = new AppDataStore(dir);
    await writeFile(join(dir, 'recovery.json'), '{"text": 3');
    await expect(store.readRecovery()).resolves.toBeNull();
  });

  test('recent files: newest first, no repeats, at most ten', async () => {
    const store = new AppDataStore(dir);
    for (let n = 0; n < 12; n++) await store.addRecentFile(`/f${n}.yaml`);
    await store.addRecentFile('/f5.yaml');
    const recent = await store.recentFiles();
    expect(recent[0]).toBe('/f5.yaml');
    expect(recent).toHaveLength(10);
    expect(new Set(recent).size).toBe(10);
  });
});

describe("the host's own files", () => {
  test('are refused by every file call, through symlinks too; a neighbour with a similar name is not', async () => {
    const dataDir = join(dir, 'data');
    const host = createPlacewiseHost({ transport: 'http', dataDir, startScenarioPath: null, version: 'test' });
    const scenario = join(dir, 'mine.yaml');
    await writeFile(scenario, 'placewise: 1\n');
    await expect(host.openScenario(scenario)).resolves.toMatchObject({ ok: true });
    await host.writeRecovery({ path: scenario, text: 'work' });
    const recent = await readFile(join(dataDir, 'recent.json'), 'utf8');
    await symlink(join(dataDir, 'recent.json'), join(dir, 'innocent.yaml'));

    const own = [join(dataDir, 'recent.json'), join(dataDir, 'recovery.json'), join(dir, 'innocent.yaml')];
    const refused = (path: string) => ({
      ok: false,
      path,
      message: expect.stringContaining(`is one of Placewise's own files (its data folder ${dataDir})`),
    });
    for (const path of own) {
      await expect(host.openScenario(path)).resolves.toEqual(refused(path));
      await expect(host.saveScenario({ path, text: 'placewise: 1\n' })).resolves.toEqual(refused(path));
      await expect(host.importBenchmarkReport(path)).rejects.toThrow("is one of Placewise's own files");
      await expect(host.startBenchmark({ model: path })).rejects.toThrow("is one of Placewise's own files");
      await expect(host.startDeviceBenchmark({ model: path })).rejects.toThrow("is one of Placewise's own files");
    }
    const inFlight = join(dataDir, 'writes-in-flight', 'new.yaml');
    await expect(host.saveScenario({ path: inFlight, text: 'x' })).resolves.toEqual(refused(inFlight));
    expect(await readFile(join(dataDir, 'recent.json'), 'utf8')).toBe(recent);
    expect(JSON.parse(await readFile(join(dataDir, 'recovery.json'), 'utf8')).text).toBe('work');

    const neighbour = join(`${dataDir}-backup`, 'a.yaml');
    await mkdir(dirname(neighbour));
    await expect(host.saveScenario({ path: neighbour, text: 'placewise: 1\n' })).resolves.toEqual({
      ok: true,
      path: neighbour,
    });
  });
});
