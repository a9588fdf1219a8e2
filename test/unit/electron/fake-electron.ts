// A stand-in for the parts of Electron the main process uses: it records what the main process
// asked for and lets tests fire the events Electron would.
import { PassThrough } from 'node:stream';
import type { MenuItemConstructorOptions } from 'electron';
import type { ElectronMain } from '../../../electron/main/electron-modules';

type Listener = (...args: unknown[]) => void;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  permissionHandler:
    | ((
        contents: unknown,
        permission: string,
        callback: (granted: boolean) => void,
        details: { requestingUrl: string },
      ) => void)
    | null = null;
  permissionCheckHandler: ((contents: unknown, permission: string, requestingOrigin: string) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  sent: [string, unknown][] = [];
  readonly session = {
    setPermissionRequestHandler: (handler: FakeWebContents['permissionHandler']) => {
      this.permissionHandler = handler;
    },
    setPermissionCheckHandler: (handler: FakeWebContents['permissionCheckHandler']) => {
      this.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler: (handler: FakeWebContents['devicePermissionHandler']) => {
      this.devicePermissionHandler = handler;
    },
  };
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, value: unknown) {
    this.sent.push([channel, value]);
  }
  /** Fires a navigation event; returns whether the app prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    let prevented = false;
    const details = { url, preventDefault: () => (prevented = true) };
    // will-frame-navigate carries the URL on its event only; the others also pass it after it.
    if (event === 'will-frame-navigate') this.emit(event, details);
    else this.emit(event, details, url);
    return prevented;
  }
}

/** An Electron utility process: records what it was sent; tests play its messages and exit. */
export class FakeUtilityProcess extends FakeEmitter {
  readonly posted: unknown[] = [];
  readonly stderr = new PassThrough();
  killed = false;
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
  ) {
    super();
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  kill() {
    this.killed = true;
    return true;
  }
}

/** userData: the app's data folder (give each test its own); the dialogs answer with the paths set in `dialogs`. */
export function createFakeElectron(options: { userData?: string } = {}) {
  const windows: (FakeEmitter & {
    options: Record<string, unknown>;
    webContents: FakeWebContents;
    loaded: string[];
    shown: boolean;
  })[] = [];
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const opened: string[] = [];
  const calls: string[] = [];
  const menus: { template: MenuItemConstructorOptions[] }[] = [];
  const app = new FakeEmitter();
  const fake = {
    app: Object.assign(app, {
      whenReady: async () => undefined,
      enableSandbox: () => calls.push('enableSandbox'),
      getPath: () => options.userData ?? '/tmp/placewise-fake-user-data',
      quit: () => calls.push('quit'),
      isPackaged: false,
    }),
    BrowserWindow: class extends FakeEmitter {
      readonly webContents = new FakeWebContents();
      readonly loaded: string[] = [];
      constructor(readonly options: Record<string, unknown>) {
        super();
        windows.push(this);
      }
      shown = false;
      loadURL(url: string) {
        this.loaded.push(url);
        return Promise.resolve();
      }
      show() {
        this.shown = true;
      }
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
        handlers.set(channel, handler);
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: { template: MenuItemConstructorOptions[] }) => {
        calls.push('setApplicationMenu');
        menus.push(menu);
      },
    },
    protocol: {
      schemes: [] as unknown[],
      handled: [] as string[],
      /** The handler of each scheme, which Electron calls with a fetch Request for every load. */
      handlers: new Map<string, (request: Request) => Promise<Response>>(),
      registerSchemesAsPrivileged(schemes: unknown[]) {
        this.schemes.push(...schemes);
      },
      handle(scheme: string, handler: (request: Request) => Promise<Response>) {
        this.handled.push(scheme);
        this.handlers.set(scheme, handler);
      },
    },
    shell: {
      openExternal: async (url: string) => {
        opened.push(url);
      },
    },
    dialog: {
      /** What the next Open and Save dialogs answer; null is Cancel. */
      answers: { open: null as string | null, save: null as string | null },
      async showOpenDialog() {
        const path = this.answers.open;
        return path === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [path] };
      },
      async showSaveDialog() {
        const path = this.answers.save;
        return path === null ? { canceled: true } : { canceled: false, filePath: path };
      },
    },
    net: {},
    utilityProcess: {
      /** Every utility process the main process started, in order. */
      forked: [] as FakeUtilityProcess[],
      fork(modulePath: string, args: string[], options: Record<string, unknown>) {
        const child = new FakeUtilityProcess(modulePath, args, options);
        this.forked.push(child);
        return child;
      },
    },
  };
  return { electron: fake as unknown as ElectronMain, fake, windows, handlers, opened, calls, menus };
}

/** An IPC event as sent by a frame at `url` (main frame unless `subFrame`). */
export function ipcEvent(url: string, subFrame = false) {
  return { senderFrame: { url, parent: subFrame ? {} : null } };
}
