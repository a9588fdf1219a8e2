// The packaged app's Electron fuses: electron-builder.yml runs scripts/electron-fuses.mjs after
// packing, and that hook flips each fuse in the packaged binary. The binary here is a stand-in
// with Electron's fuse wire (sentinel, version, length, one byte per fuse) at Electron's defaults.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import afterPack, { ELECTRON_FUSES, fuseConfig, packagedBinary } from '../../../scripts/electron-fuses.mjs';

const root = resolve(import.meta.dirname, '..', '..', '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// A fuse's byte: ASCII '1' on, '0' off.
const ON = 0x31;
const OFF = 0x30;
// Electron's own settings, before the hook: run as Node, NODE_OPTIONS and --inspect honoured,
// no asar integrity check, the app loadable from a folder, file:// privileged.
const ELECTRON_DEFAULTS = [ON, OFF, ON, ON, OFF, OFF, OFF, ON];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'placewise-fuses-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fakeElectronBinary(path: string): Promise<void> {
  const wire = Buffer.from([1, ELECTRON_DEFAULTS.length, ...ELECTRON_DEFAULTS]);
  await writeFile(path, Buffer.concat([Buffer.from('\x7fELF padding '), Buffer.from(SENTINEL), wire]));
}

const linuxApp = (appOutDir: string) => ({
  appOutDir,
  electronPlatformName: 'linux',
  arch: 1,
  packager: { appInfo: { productFilename: 'Placewise' }, executableName: 'placewise' },
});

describe('Electron fuses', () => {
  test('electron-builder.yml runs the fuse hook after packing, and electron-builder accepts the file', async () => {
    const config = parse(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
    expect(resolve(root, String(config.afterPack))).toBe(join(root, 'scripts', 'electron-fuses.mjs'));
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  test('the hook turns run-as-Node, NODE_OPTIONS and --inspect off, asar integrity and asar-only loading on', async () => {
    const binary = join(dir, 'placewise');
    await fakeElectronBinary(binary);
    await afterPack(linuxApp(dir));
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(OFF);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON);
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(OFF);
  });

  test('sets every fuse explicitly, so none is left at Electron’s default by omission', () => {
    const config = fuseConfig('linux', 1) as unknown as Record<number, boolean>;
    const fuses = Object.values(FuseV1Options).filter((value): value is number => typeof value === 'number');
    for (const fuse of fuses) expect(typeof config[fuse]).toBe('boolean');
    expect(Object.keys(ELECTRON_FUSES)).toHaveLength(fuses.length);
  });

  test('finds the binary on each platform, and re-signs ad hoc only on Apple Silicon', () => {
    expect(packagedBinary(linuxApp('/out/linux-unpacked'))).toBe(join('/out/linux-unpacked', 'placewise'));
    const mac = { ...linuxApp('/out/mac-arm64'), electronPlatformName: 'darwin', arch: 3 };
    expect(packagedBinary(mac)).toBe(join('/out/mac-arm64', 'Placewise.app'));
    const windows = { ...linuxApp('/out/win-unpacked'), electronPlatformName: 'win32' };
    expect(packagedBinary(windows)).toBe(join('/out/win-unpacked', 'Placewise.exe'));
    expect(fuseConfig('darwin', 3).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig('darwin', 1).resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig('win32', 3).resetAdHocDarwinSignature).toBe(false);
  });

  test('a binary without a fuse wire fails the packaging rather than shipping unfused', async () => {
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub', 'placewise'), 'not electron');
    await expect(afterPack(linuxApp(join(dir, 'sub')))).rejects.toThrow(/sentinel/);
  });
});
