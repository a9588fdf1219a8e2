// The renderer's API: the Electron bridge when the preload exposed one, else HTTP to the
// browser-mode server. Both have the same interface.
import type { PlacewiseApi } from '../../electron/api/contract';
import type { MenuBridge } from '../../electron/api/menu-commands';
import { createHttpApiClient } from './http-client';

declare global {
  interface Window {
    placewise?: PlacewiseApi;
    placewiseMenu?: MenuBridge;
  }
}

export function connectApi(): PlacewiseApi {
  if (window.placewise) return window.placewise;
  const token = document.querySelector<HTMLMetaElement>('meta[name="placewise-token"]')?.content;
  if (!token) throw new Error('no host: open Placewise with `npm start` or `placewise serve`');
  return createHttpApiClient(token, window.location.href);
}
