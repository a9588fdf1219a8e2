// The parts of Electron the main process uses, passed in rather than imported, so that the
// main process runs in unit tests against a fake.
import type * as Electron from 'electron';

export type ElectronMain = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'protocol' | 'shell' | 'net' | 'utilityProcess'
>;
