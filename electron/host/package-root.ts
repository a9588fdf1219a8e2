// Finds the installed package's root (where package.json, scenarios/ and dist-app/ live) from
// any module inside it, bundled (dist/) or not.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageRoot {
  root: string;
  version: string;
}

export function findPackageRoot(fromUrl: string): PackageRoot {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'placewise') return { root: dir, version: parsed.version ?? '0.0.0' };
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the placewise package root');
    dir = parent;
  }
}

export const DEFAULT_SCENARIO = join('scenarios', 'ar-translation.yaml');
