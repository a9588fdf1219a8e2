// The desktop shell: security defaults, the app protocol, the host over IPC, the window and
// its menu. Thin by design; everything it does also runs in browser mode.
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { setBenchChildLauncher } from '../../bench/runner/child-launcher';
import type { PlacewiseApi } from '../api/contract';
import { MENU_COMMAND_CHANNEL, MENU_OPEN_PATH_CHANNEL } from '../api/menu-commands';
import { createBenchmarkJobs } from '../host/benchmark-jobs';
import { createPlacewiseHost } from '../host/host';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './app-protocol';
import { scenarioDialogs } from './dialogs';
import type { ElectronMain } from './electron-modules';
import { guardFileAccess } from './file-grants';
import { registerIpcHandlers } from './ipc';
import { type MenuActions, menuTemplate } from './menu';
import { linkOpener } from './open-link';
import { utilityProcessLauncher } from './utility-process-launcher';
import { createMainWindow, hardenWebContents } from './window';

export interface DesktopPaths {
  /** The built renderer (dist-app/). */
  appDir: string;
  /** The bundled preload script. */
  preloadPath: string;
  startScenarioPath: string | null;
  version: string;
}

/** Must run before the app is ready: custom schemes are registered once, at start. */
export function prepareDesktopApp(electron: ElectronMain): void {
  electron.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  electron.app.enableSandbox();
  // Any web contents, however created, gets the same navigation and window rules.
  const openLink = linkOpener(electron.shell);
  electron.app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, openLink);
  });
}

export async function startDesktopApp(electron: ElectronMain, paths: DesktopPaths): Promise<BrowserWindow> {
  const { app, ipcMain, Menu, dialog, protocol } = electron;
  await app.whenReady();
  // Utility processes start only once the app is ready; the host's threads relay to this.
  setBenchChildLauncher(utilityProcessLauncher(electron.utilityProcess));
  let window: BrowserWindow | null = null;
  const openLink = linkOpener(electron.shell);
  const host = createPlacewiseHost({
    transport: 'electron',
    dataDir: join(app.getPath('userData'), 'placewise'),
    privateFolders: [app.getPath('userData')],
    startScenarioPath: paths.startScenarioPath,
    version: paths.version,
    dialogs: scenarioDialogs(dialog, () => window),
    benchmarks: createBenchmarkJobs(),
    openLink,
  });
  const actions: MenuActions = {
    send: (command) => window?.webContents.send(MENU_COMMAND_CHANNEL, command),
    openPath: (path) => window?.webContents.send(MENU_OPEN_PATH_CHANNEL, path),
  };
  const refreshMenu = async () => {
    const recent = await host.recentFiles().catch(() => []);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, process.platform, recent)));
  };
  registerAppProtocol(protocol, paths.appDir);
  // Opening or saving changes the recent files, which the File menu lists.
  const withMenu: PlacewiseApi = {
    ...host,
    openScenario: (path) => host.openScenario(path).finally(refreshMenu),
    saveScenario: (file) => host.saveScenario(file).finally(refreshMenu),
  };
  registerIpcHandlers(ipcMain, guardFileAccess(withMenu, paths.startScenarioPath));
  window = createMainWindow(electron, paths.preloadPath, openLink);
  await refreshMenu();
  app.on('window-all-closed', () => app.quit());
  return window;
}
