// The real-Electron smoke test's checks, made from inside the running app: the page has no Node
// and reaches the host only through the bridge's proxied methods, the preload's world is
// sandboxed and isolated, and a scenario saved through the bridge reads back as saved. Run by
// main.ts when PLACEWISE_SMOKE_TEST=1; test/unit/electron/real-electron.test.ts reads the report.
import type { WebContents } from 'electron';

/** The isolated world Electron runs the preload in when contextIsolation is on. */
const PRELOAD_WORLD = 999;

export interface SmokeReport {
  /** Any of require, process, module visible to the page. */
  pageHasNode: boolean;
  /** window.placewise is there, its methods native proxies (the preload's code out of reach). */
  bridgeProxied: boolean;
  preloadSandboxed: boolean;
  preloadContextIsolated: boolean;
  /** The scenario was opened, saved with a line added, and opened again with that line. */
  saveRoundTrip: boolean;
}

export async function smokeCheck(contents: WebContents, scenarioPath: string): Promise<SmokeReport> {
  const page = (await contents.executeJavaScript(`(async () => {
    const api = window.placewise;
    const pageHasNode = typeof require !== 'undefined' || typeof process !== 'undefined' || typeof module !== 'undefined';
    const bridgeProxied = typeof api === 'object' && api !== null &&
      Function.prototype.toString.call(api.saveScenario).includes('[native code]');
    const path = ${JSON.stringify(scenarioPath)};
    const opened = await api.openScenario(path);
    if (!opened.ok) return { pageHasNode, bridgeProxied, saveRoundTrip: false };
    const text = opened.file.text + '# saved by the smoke test\\n';
    const saved = await api.saveScenario({ path, text });
    const reread = await api.openScenario(path);
    return { pageHasNode, bridgeProxied, saveRoundTrip: saved.ok && reread.ok && reread.file.text === text };
  })()`)) as Pick<SmokeReport, 'pageHasNode' | 'bridgeProxied' | 'saveRoundTrip'>;
  const preload = (await contents.executeJavaScriptInIsolatedWorld(PRELOAD_WORLD, [
    { code: '({ sandboxed: process.sandboxed === true, contextIsolated: process.contextIsolated === true })' },
  ])) as { sandboxed: boolean; contextIsolated: boolean } | undefined;
  return {
    ...page,
    preloadSandboxed: preload?.sandboxed === true,
    preloadContextIsolated: preload?.contextIsolated === true,
  };
}
