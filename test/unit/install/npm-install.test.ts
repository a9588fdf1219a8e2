// Installing the checkout as a newcomer does: `npm ci` prints no warning on this Node, Electron's
// binary is fetched by the project's own postinstall step (which never fails the install),
// `npm link` puts the command on the PATH, and `npm run dist` says in one line when it has no
// Electron to package.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/placewise-cli';

const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  allowScripts: Record<string, boolean>;
  devDependencies: Record<string, string>;
};

function electronInstalled(): boolean {
  try {
    return existsSync(createRequire(import.meta.url)('electron') as string);
  } catch {
    return false;
  }
}
const withoutElectron = !electronInstalled();

function run(script: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [join(root, 'scripts', script)], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

describe('npm ci', () => {
  it('prints no engine warning on this Node, and no unknown-config warning', () => {
    const copy = mkdtempSync(join(tmpdir(), 'placewise-npm-ci-'));
    for (const file of ['package.json', 'package-lock.json', '.npmrc'])
      copyFileSync(join(root, file), join(copy, file));
    const install = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--offline'], {
      cwd: copy,
      encoding: 'utf8',
    });
    expect(install.status, install.stderr).toBe(0);
    // npm 11 warns about every key of .npmrc it does not know, on every command.
    expect(install.stderr).not.toMatch(/Unknown \w+ config/);
    expect(install.stderr).not.toContain('EBADENGINE');
  });

  it("runs neither Electron's nor onnxruntime-node's own install script; the project fetches Electron itself", () => {
    // Under npm 10, which runs every install script, the environment variable CI sets (and the
    // README gives) makes onnxruntime-node's script end at once, downloading nothing.
    expect(readFileSync(join(root, '.ci', 'run'), 'utf8')).toMatch(/^export ONNXRUNTIME_NODE_INSTALL=skip$/m);
    const script = join(
      dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json')),
      'script',
      'install.js',
    );
    const skipped = spawnSync(process.execPath, [script], {
      encoding: 'utf8',
      env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip', https_proxy: 'http://127.0.0.1:9' },
    });
    expect([skipped.status, skipped.stdout, skipped.stderr]).toEqual([0, '', '']);
    // onnxruntime-node's script would download CUDA libraries; Electron's would fail the install
    // wherever its binary cannot be downloaded.
    expect(packageJson.allowScripts).toMatchObject({ electron: false, 'onnxruntime-node': false });
    expect(packageJson.scripts.postinstall).toBe('node scripts/fetch-electron.mjs');
    // A devDependency: its typings are there even where the binary is not.
    expect(packageJson.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('npm link, as the README says', () => {
  it('puts a placewise on the PATH that runs from any directory', () => {
    const prefix = mkdtempSync(join(tmpdir(), 'placewise-global-'));
    const env = { ...process.env, npm_config_prefix: prefix };
    const link = spawnSync('npm', ['link', '--ignore-scripts'], { cwd: root, encoding: 'utf8', env });
    expect(link.status, link.stderr).toBe(0);
    expect(link.stderr.split('\n').filter((line) => line.includes('warn'))).toEqual([]);
    const elsewhere = mkdtempSync(join(tmpdir(), 'placewise-elsewhere-'));
    const scenario = join(root, 'scenarios', 'ar-translation.yaml');
    const run = spawnSync(
      join(prefix, 'bin', 'placewise'),
      ['run', scenario, '--option', 'hybrid', '--requests', '500'],
      {
        cwd: elsewhere,
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('hybrid, the only option simulated, passes every budget');
  });
});

describe.skipIf(!withoutElectron)("fetching Electron's binary where it cannot be had", () => {
  it('says so in one line and lets the install succeed', () => {
    const fetch = run('fetch-electron.mjs', {
      ELECTRON_SKIP_BINARY_DOWNLOAD: '',
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: mkdtempSync(join(tmpdir(), 'placewise-electron-cache-')),
    });
    expect(fetch.status).toBe(0);
    const lines = fetch.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^placewise: downloading Electron \d+\.\d+\.\d+ for the desktop app/);
    expect(lines[1]).toMatch(
      /^placewise: Electron's binary could not be downloaded \(.+\); `npm start` opens the app in your browser instead; `npm run fetch-electron` tries again$/,
    );
    expect(fetch.stderr).toBe('');
  });

  it('skips the download when told to, as CI does', () => {
    const fetch = run('fetch-electron.mjs', { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(fetch.status).toBe(0);
    expect(fetch.stdout).toBe(
      'placewise: no Electron binary (ELECTRON_SKIP_BINARY_DOWNLOAD is set); `npm start` opens the app in your browser instead\n',
    );
  });

  it('npm run dist says it has no Electron to package, before building anything', () => {
    const dist = run('dist.mjs');
    expect(dist.status).toBe(1);
    expect(dist.stderr).toBe(
      'placewise: no installers: they package the Electron binary that `npm install` fetches, and it is not installed here (`npm run fetch-electron` downloads it)\n',
    );
    expect(packageJson.scripts.dist).toBe('node scripts/dist.mjs');
  });
});
