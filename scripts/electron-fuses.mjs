// The Electron fuses of the packaged app: features compiled into Electron's binary that the app
// never uses and an attacker could (run the binary as plain Node, inject code through
// NODE_OPTIONS or a debugger, swap the app's code beside the asar). electron-builder.yml runs this
// file as its `afterPack` hook, which flips the fuses in the app's own copy of the binary before
// it is signed. (electron-builder 25, pinned here, has no `electronFuses` option; the settings
// use that option's names, so a later electron-builder can take them as they are.)
import { join } from 'node:path';
import fuses from '@electron/fuses';

const { flipFuses, FuseV1Options, FuseVersion } = fuses;

export const ELECTRON_FUSES = {
  // ELECTRON_RUN_AS_NODE: the packaged app never runs as plain Node. This also stops
  // child_process.fork in its main process: work there goes to worker threads or Electron's
  // utility processes (README, "The desktop app's security").
  runAsNode: false,
  enableCookieEncryption: true,
  // NODE_OPTIONS and NODE_EXTRA_CA_CERTS, then --inspect, --inspect-brk and SIGUSR1.
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  // app.asar is checked against the hash electron-builder records at packaging (macOS and
  // Windows), and the app loads from app.asar only, never from a folder beside it.
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  // The app is served from app://placewise/, never from file://.
  grantFileProtocolExtraPrivileges: false,
};

const FUSE_INDEX = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

// electron-builder's Arch.arm64.
const ARM64 = 3;

/** The @electron/fuses configuration of ELECTRON_FUSES for one platform and architecture. */
export function fuseConfig(platform, arch) {
  const config = {
    version: FuseVersion.V1,
    // Flipping a fuse invalidates the ad-hoc signature an Apple Silicon binary must carry.
    resetAdHocDarwinSignature: platform === 'darwin' && arch === ARM64,
  };
  for (const [name, value] of Object.entries(ELECTRON_FUSES)) config[FUSE_INDEX[name]] = value;
  return config;
}

/** The packaged app's Electron binary (a macOS .app bundle, which @electron/fuses looks inside). */
export function packagedBinary(context) {
  const { appOutDir, electronPlatformName: platform, packager } = context;
  if (platform === 'darwin' || platform === 'mas') return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (platform === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  await flipFuses(packagedBinary(context), fuseConfig(context.electronPlatformName, context.arch));
}
