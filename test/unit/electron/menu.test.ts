import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, test } from 'vitest';
import { ipcChannel } from '../../../electron/api/contract';
import { MENU_COMMAND_CHANNEL, MENU_OPEN_PATH_CHANNEL } from '../../../electron/api/menu-commands';
import { startDesktopApp } from '../../../electron/main/desktop-app';
import { menuTemplate } from '../../../electron/main/menu';
import { APP_START_URL } from '../../../electron/main/url-policy';
import { createFakeElectron, ipcEvent } from './fake-electron';

function find(template: MenuItemConstructorOptions[], ...labels: string[]): MenuItemConstructorOptions {
  let items = template;
  let found: MenuItemConstructorOptions | undefined;
  for (const label of labels) {
    found = items.find((item) => item.label === label);
    if (!found) throw new Error(`no menu item ${labels.join(' › ')}`);
    items = (found.submenu ?? []) as MenuItemConstructorOptions[];
  }
  return found!;
}

describe('the application menu', () => {
  test('has the usual shortcuts, sending document commands to the renderer', () => {
    const sent: string[] = [];
    const template = menuTemplate({ send: (command) => sent.push(command), openPath: () => undefined }, 'linux', []);
    expect(find(template, 'File', 'New…').accelerator).toBe('CmdOrCtrl+N');
    expect(find(template, 'File', 'Open…').accelerator).toBe('CmdOrCtrl+O');
    expect(find(template, 'File', 'Save').accelerator).toBe('CmdOrCtrl+S');
    expect(find(template, 'File', 'Save As…').accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(find(template, 'Edit', 'Undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(find(template, 'Edit', 'Redo').accelerator).toBe('Ctrl+Y');
    (find(template, 'Edit', 'Undo').click as () => void)();
    expect(sent).toEqual(['undo']);
    expect(find(template, 'File', 'Open Recent', 'No recent files').enabled).toBe(false);
  });

  test('lists recent files after a file is opened or saved, and opening one goes to the renderer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'placewise-menu-'));
    try {
      const [first, second] = [join(dir, 'a.yaml'), join(dir, 'b.yaml')];
      await writeFile(first, 'placewise: 1');
      await writeFile(second, 'placewise: 1');
      // The profile is the host's own, off limits to the file API: the scenarios are beside it.
      const { electron, fake, handlers, menus, windows } = createFakeElectron({ userData: join(dir, 'profile') });
      await startDesktopApp(electron, {
        appDir: dir,
        preloadPath: join(dir, 'preload.cjs'),
        startScenarioPath: null,
        version: 'test',
      });
      const recentNow = () =>
        (find(menus[menus.length - 1].template, 'File', 'Open Recent').submenu as MenuItemConstructorOptions[]).map(
          (item) => item.label,
        );
      expect(recentNow()).toEqual(['No recent files']);
      const call = (method: 'openScenario' | 'saveScenario' | 'chooseScenarioToOpen', ...args: unknown[]) =>
        handlers.get(ipcChannel(method))!(ipcEvent(APP_START_URL), ...args);
      // The desktop app opens only files the user chose: each is chosen in the Open dialog first.
      const chooseAndOpen = async (path: string) => {
        fake.dialog.answers.open = path;
        await expect(call('chooseScenarioToOpen')).resolves.toEqual({ ok: true, value: path });
        // IPC answers { ok, value }; the value is the host's own result.
        await expect(call('openScenario', path)).resolves.toMatchObject({ ok: true, value: { ok: true } });
      };
      await chooseAndOpen(first);
      expect(recentNow()).toEqual([first]);
      await chooseAndOpen(second);
      expect(recentNow()).toEqual([second, first]);
      // Saving the older file makes it the most recent: the menu is rebuilt after a save too.
      await expect(call('saveScenario', { path: first, text: 'placewise: 1\n' })).resolves.toMatchObject({
        ok: true,
        value: { ok: true },
      });
      expect(recentNow()).toEqual([first, second]);
      const template = menus[menus.length - 1].template;
      (find(template, 'File', 'Open Recent', second).click as () => void)();
      (find(template, 'View', 'Compare').click as () => void)();
      expect(windows[0].webContents.sent).toEqual([
        [MENU_OPEN_PATH_CHANNEL, second],
        [MENU_COMMAND_CHANNEL, 'view-compare'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
