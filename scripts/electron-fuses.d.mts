import type { FuseConfig } from '@electron/fuses';

/** The fuses of the packaged app, named as electron-builder's `electronFuses` options. */
export const ELECTRON_FUSES: Readonly<Record<string, boolean>>;
export function fuseConfig(platform: string, arch: number): FuseConfig;
export interface PackedApp {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}
export function packagedBinary(context: PackedApp): string;
export default function afterPack(context: PackedApp): Promise<void>;
