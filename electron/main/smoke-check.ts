// The real-Electron smoke test's checks, made from inside the running app: the page has no Node
// and reaches the host only through the bridge's proxied methods, the preload's world is
// sandboxed and isolated, a scenario saved through the bridge reads back as saved, and a
// benchmark runs in its utility process (a packaged binary cannot fork). Run by
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
  /** A short benchmark of a bundled model, started through the bridge, finished with a median. */
  benchmarkRan: boolean;
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
    const saveRoundTrip = saved.ok && reread.ok && reread.file.text === text;
    const { jobId } = await api.startBenchmark({ model: 'bundled:paddleocr-cls', threads: [1], warmup: 1, iterations: 3 });
    let status = await api.benchmarkStatus(jobId);
    while (status.state === 'running') {
      await new Promise((done) => setTimeout(done, 100));
      status = await api.benchmarkStatus(jobId);
    }
    const benchmarkRan = status.state === 'done' && status.report.results[0].latency_ms.p50 > 0;
    return { pageHasNode, bridgeProxied, saveRoundTrip, benchmarkRan };
  })()`)) as Pick<SmokeReport, 'pageHasNode' | 'bridgeProxied' | 'saveRoundTrip' | 'benchmarkRan'>;
  const preload = (await contents.executeJavaScriptInIsolatedWorld(PRELOAD_WORLD, [
    { code: '({ sandboxed: process.sandboxed === true, contextIsolated: process.contextIsolated === true })' },
  ])) as { sandboxed: boolean; contextIsolated: boolean } | undefined;
  return {
    ...page,
    preloadSandboxed: preload?.sandboxed === true,
    preloadContextIsolated: preload?.contextIsolated === true,
  };
}
