// Bundles render-charts.tsx (React, recharts and the app's charts) into one script for the
// export page. Built on first use with esbuild, a dependency already (the CLI's launcher
// uses it), and kept for the life of the process: a few hundred milliseconds once.
import { join } from 'node:path';
import { findPackageRoot } from '../../package-root';

let bundle: Promise<string> | undefined;

export function chartBundle(): Promise<string> {
  bundle ??= build();
  return bundle;
}

async function build(): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    // The page's source is read from the package (it runs from source under tsx and vitest,
    // and from dist/ in the CLI bundle; the package root is found from either).
    entryPoints: [
      join(findPackageRoot(import.meta.url).root, 'electron', 'host', 'export', 'chart-page', 'render-charts.tsx'),
    ],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
