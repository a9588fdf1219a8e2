// The API over IPC: one handler per named method. Each checks that the call comes from the
// app's own page in the main frame, validates the arguments, and answers with an envelope the
// preload unwraps (Electron would otherwise mangle error messages).
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { invokeApi } from '../api/arguments';
import { API_METHODS, ipcChannel, type PlacewiseApi } from '../api/contract';
import { isAppUrl } from './url-policy';

export type IpcReply = { ok: true; value: unknown } | { ok: false; error: string };

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, host: PlacewiseApi): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event, ...args: unknown[]): Promise<IpcReply> => {
      if (!isTrustedSender(event))
        return { ok: false, error: `${method}: refused: the caller is not the Placewise window` };
      try {
        return { ok: true, value: (await invokeApi(host, method, args)) ?? null };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    });
  }
}
