// The main window and the security settings of DESIGN.md section 7.
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import type { ElectronMain } from './electron-modules';
import { APP_START_URL, isAppUrl, isSafeExternalUrl } from './url-policy';

export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    title: 'Placewise',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/**
 * Keeps a window's contents on the app: navigation away is refused, new windows are denied,
 * and an http(s) link goes to the user's browser through a checked openExternal.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => Promise<void>): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

export function createMainWindow(electron: ElectronMain, preloadPath: string): BrowserWindow {
  const window = new electron.BrowserWindow(secureWindowOptions(preloadPath));
  hardenWebContents(window.webContents, (url) => electron.shell.openExternal(url));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_START_URL);
  return window;
}
