// The main window and the security settings of DESIGN.md section 7.
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import type { ElectronMain } from './electron-modules';
import type { OpenLink } from './open-link';
import { APP_START_URL, isAppUrl } from './url-policy';

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
 * Keeps a window's contents on the app: navigation away, of the page or of any frame in it, is
 * refused, new windows are denied, an allowed link goes to the user's browser (openLink checks
 * it), and every permission but writing the clipboard (camera, notifications, devices...) is
 * refused, whether the page asks for it or only checks whether it has it.
 */
export function hardenWebContents(contents: WebContents, openLink: OpenLink): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // openLink refuses what is not an allowed link, which then simply stays closed.
    openLink(url).catch(() => undefined);
    return { action: 'deny' };
  });
  const { session } = contents;
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isGranted(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isGranted(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}

/** The one permission the app's own page has: writing the clipboard (Export › Copy Mermaid source). */
export function isGranted(permission: string, requestingUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}

export function createMainWindow(electron: ElectronMain, preloadPath: string, openLink: OpenLink): BrowserWindow {
  const window = new electron.BrowserWindow(secureWindowOptions(preloadPath));
  hardenWebContents(window.webContents, openLink);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_START_URL);
  return window;
}
