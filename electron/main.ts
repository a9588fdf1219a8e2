// Electron's main process entry (bundled by scripts/start.mjs into dist/electron/main.mjs).
// Usage: electron dist/electron/main.mjs [scenario]
import { resolve } from 'node:path';
import * as electron from 'electron';
import { DEFAULT_SCENARIO, findPackageRoot } from './host/package-root';
import { prepareDesktopApp, startDesktopApp } from './main/desktop-app';
import { smokeCheck } from './main/smoke-check';

const { root, version } = findPackageRoot(import.meta.url);
const scenarioArgument = process.argv
  .slice(electron.app.isPackaged ? 1 : 2)
  .find((argument) => !argument.startsWith('-'));

prepareDesktopApp(electron);
startDesktopApp(electron, {
  appDir: resolve(root, 'dist-app'),
  preloadPath: resolve(root, 'dist', 'electron', 'preload.cjs'),
  startScenarioPath: scenarioArgument ? resolve(scenarioArgument) : resolve(root, DEFAULT_SCENARIO),
  version,
})
  .then((window) => {
    // A smoke test of the real binary (test/unit/electron/real-electron.test.ts): report the
    // renderer loaded and the checks made from inside it, then quit.
    if (process.env.PLACEWISE_SMOKE_TEST !== '1') return;
    window.webContents.once('did-finish-load', () => {
      process.stdout.write(`placewise: ready ${window.webContents.getURL()}\n`);
      smokeCheck(window.webContents, process.env.PLACEWISE_SMOKE_SCENARIO ?? '')
        .then((report) => process.stdout.write(`placewise: smoke ${JSON.stringify(report)}\n`))
        .finally(() => electron.app.quit());
    });
  })
  .catch((error: unknown) => {
    process.stderr.write(
      `placewise: the desktop app could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    electron.app.exit(1);
  });
