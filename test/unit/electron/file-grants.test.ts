// In the desktop app, the main process opens and saves only paths the user chose in a native
// dialog, those on the recent list, and those the app offered itself; the page naming any
// other path gets a refusal, and the disk is not touched. Driven through the real IPC handlers
// of startDesktopApp, with Electron faked.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type ApiMethod, ipcChannel } from '../../../electron/api/contract';
import { startDesktopApp } from '../../../electron/main/desktop-app';
import { APP_START_URL } from '../../../electron/main/url-policy';
import { createFakeElectron, ipcEvent } from './fake-electron';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'placewise-grants-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function desktopApp(startScenarioPath: string | null = null) {
  const faked = createFakeElectron({ userData: join(dir, 'user-data') });
  await startDesktopApp(faked.electron, {
    appDir: join(dir, 'dist-app'),
    preloadPath: join(dir, 'preload.cjs'),
    startScenarioPath,
    version: 'test',
  });
  const call = async (method: ApiMethod, ...args: unknown[]) => {
    const reply = (await faked.handlers.get(ipcChannel(method))!(ipcEvent(APP_START_URL), ...args)) as {
      ok: boolean;
      value?: unknown;
      error?: string;
    };
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as Record<string, unknown>;
  };
  return { ...faked, call };
}

describe('file access in the desktop app', () => {
  test('a path the page names on its own is neither read nor written', async () => {
    const secret = join(dir, 'secret.yaml');
    await writeFile(secret, 'token: hunter2\n');
    const { call } = await desktopApp();
    const opened = await call('openScenario', secret);
    expect(opened).toEqual({
      ok: false,
      path: secret,
      message: `${secret}: not opened: the desktop app opens only files chosen with File › Open or on the recent list`,
    });
    const saved = await call('saveScenario', { path: secret, text: 'placewise: 1\n' });
    expect(saved).toMatchObject({ ok: false, path: secret, message: expect.stringContaining('not saved') });
    expect(await readFile(secret, 'utf8')).toBe('token: hunter2\n');
    const elsewhere = join(dir, 'new.yaml');
    expect(await call('saveScenario', { path: elsewhere, text: 'x' })).toMatchObject({ ok: false });
    await expect(readFile(elsewhere)).rejects.toThrow(/ENOENT/);
  });

  test('a file chosen in the Open dialog opens, also by another spelling of its path', async () => {
    const scenario = join(dir, 'chosen.yaml');
    await writeFile(scenario, 'placewise: 1\n');
    const { call, fake } = await desktopApp();
    fake.dialog.answers.open = scenario;
    expect(await call('chooseScenarioToOpen')).toBe(scenario);
    expect(await call('openScenario', join(dir, '.', 'sub', '..', 'chosen.yaml'))).toMatchObject({
      ok: true,
      file: { path: scenario, text: 'placewise: 1\n' },
    });
  });

  test('a path chosen in the Save dialog is written; a cancelled dialog grants nothing', async () => {
    const target = join(dir, 'saved.yaml');
    const { call, fake } = await desktopApp();
    expect(await call('chooseSavePath', 'scenario.yaml')).toBeNull();
    expect(await call('saveScenario', { path: target, text: 'a' })).toMatchObject({ ok: false });
    fake.dialog.answers.save = target;
    expect(await call('chooseSavePath', 'scenario.yaml')).toBe(target);
    expect(await call('saveScenario', { path: target, text: 'placewise: 1\n' })).toEqual({ ok: true, path: target });
    expect(await readFile(target, 'utf8')).toBe('placewise: 1\n');
  });

  test('files on the recent list stay open to the next run of the app, to open and to save', async () => {
    const scenario = join(dir, 'recent.yaml');
    await writeFile(scenario, 'placewise: 1\n');
    const first = await desktopApp();
    first.fake.dialog.answers.open = scenario;
    await first.call('chooseScenarioToOpen');
    expect(await first.call('openScenario', scenario)).toMatchObject({ ok: true });

    const next = await desktopApp();
    expect(await next.call('recentFiles')).toEqual([scenario]);
    expect(await next.call('openScenario', scenario)).toMatchObject({ ok: true });
    expect(await next.call('saveScenario', { path: scenario, text: 'placewise: 1 # edited\n' })).toEqual({
      ok: true,
      path: scenario,
    });
  });

  test('the scenario named on the command line and the bundled examples open without a dialog', async () => {
    const start = join(dir, 'start.yaml');
    await writeFile(start, 'placewise: 1\n');
    const { call } = await desktopApp(start);
    expect(await call('openScenario', start)).toMatchObject({ ok: true });
    const examples = (await call('listExamples')) as unknown as { path: string }[];
    expect(examples.length).toBeGreaterThan(0);
    expect(await call('openScenario', examples[0].path)).toMatchObject({ ok: true });
  });
});
