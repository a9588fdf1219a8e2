// Fetches Electron's binary for `npm start` and `npm run dist`: the project's postinstall step
// (and `npm run fetch-electron`). Electron's own install script does the download (mirrors,
// cache, checksums, ELECTRON_SKIP_BINARY_DOWNLOAD); it runs from here rather than as Electron's
// own postinstall (denied in package.json's allowScripts) so that a download that cannot
// succeed (offline, or a network that blocks GitHub) leaves the install green and says so in
// one line: `npm start` then opens the app in a browser. Electron stays a devDependency, so its
// typings are there either way (an optional dependency whose install fails is removed whole).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
const say = (text) => process.stdout.write(`placewise: ${text}\n`);

function installedBinary() {
  try {
    const path = require('electron');
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const BROWSER_MODE = '`npm start` opens the app in your browser instead';

let electronDir;
try {
  electronDir = dirname(require.resolve('electron/package.json'));
} catch {
  process.exit(0); // installed without devDependencies: no desktop app to fetch for
}
if (installedBinary()) process.exit(0);
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  say(`no Electron binary (ELECTRON_SKIP_BINARY_DOWNLOAD is set); ${BROWSER_MODE}`);
  process.exit(0);
}
const { version } = require('electron/package.json');
say(`downloading Electron ${version} for the desktop app (about 100 MB, once)...`);
const installer = spawnSync(process.execPath, ['install.js'], {
  cwd: electronDir,
  encoding: 'utf8',
  stdio: ['ignore', 'inherit', 'pipe'],
});
if (installer.status === 0 && installedBinary())
  say(`Electron ${version} is installed: \`npm start\` opens the desktop app`);
else {
  // Electron's installer prints a stack trace; its first line says what went wrong.
  const reason = (installer.stderr || installer.error?.message || `exit code ${installer.status}`)
    .trim()
    .split('\n')[0];
  say(`Electron's binary could not be downloaded (${reason}); ${BROWSER_MODE}; \`npm run fetch-electron\` tries again`);
}
