// The bridge between the sandboxed renderer and the host: named methods only, each one IPC
// channel (no generic invoke), declared to satisfy the renderer's API type.
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import type { ApiMethod, PlacewiseApi } from './api/contract';
import { ipcChannel } from './api/contract';
import {
  isMenuCommand,
  MENU_COMMAND_CHANNEL,
  MENU_OPEN_PATH_CHANNEL,
  type MenuBridge,
  type MenuCommand,
} from './api/menu-commands';
import type { IpcReply } from './main/ipc';

async function call<T>(method: ApiMethod, ...args: unknown[]): Promise<T> {
  const reply = (await ipcRenderer.invoke(ipcChannel(method), ...args)) as IpcReply;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
}

const api = {
  hostInfo: () => call('hostInfo'),
  listExamples: () => call('listExamples'),
  openScenario: (path) => call('openScenario', path),
  saveScenario: (file) => call('saveScenario', file),
  recentFiles: () => call('recentFiles'),
  chooseScenarioToOpen: () => call('chooseScenarioToOpen'),
  chooseSavePath: (suggestedPath) => call('chooseSavePath', suggestedPath),
  writeRecovery: (record) => call('writeRecovery', record),
  readRecovery: () => call('readRecovery'),
  clearRecovery: () => call('clearRecovery'),
  listBundledModels: () => call('listBundledModels'),
  startBenchmark: (request) => call('startBenchmark', request),
  startSplit: (request) => call('startSplit', request),
  startDeviceBenchmark: (request) => call('startDeviceBenchmark', request),
  benchmarkStatus: (jobId) => call('benchmarkStatus', jobId),
  cancelBenchmark: (jobId) => call('cancelBenchmark', jobId),
  importBenchmarkReport: (path) => call('importBenchmarkReport', path),
  applyBenchmark: (request) => call('applyBenchmark', request),
  exportScenario: (request) => call('exportScenario', request),
  exportProgress: (progressId) => call('exportProgress', progressId),
  openExternal: (url) => call('openExternal', url),
} satisfies PlacewiseApi;

const menu: MenuBridge = {
  onCommand(listener: (command: MenuCommand) => void) {
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
    };
  },
  onOpenPath(listener: (path: string) => void) {
    const forward = (_event: IpcRendererEvent, path: unknown) => {
      if (typeof path === 'string' && path.length > 0) listener(path);
    };
    ipcRenderer.on(MENU_OPEN_PATH_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_OPEN_PATH_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('placewise', api);
contextBridge.exposeInMainWorld('placewiseMenu', menu);
