// The benchmark page's script, bundled for browsers from page-script.ts when a benchmark server
// starts (esbuild takes a fraction of a second; onnxruntime-web itself is served from its own
// package, not bundled). Runs from sources and from the CLI bundle, whose folder is below them.
import { join } from 'node:path';
import { folderAbove } from '../runner/bundled-entry';

const SOURCE = join('bench', 'on-device', 'page-script.ts');

export async function bundlePageScript(): Promise<string> {
  const root = folderAbove(SOURCE);
  if (root === null) throw new Error(`cannot find the benchmark page's source (${SOURCE}) above placewise's modules`);
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(root, SOURCE)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    // Phones keep their browsers current; ES2020 covers the last several years of them.
    target: 'es2020',
    minify: true,
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}
