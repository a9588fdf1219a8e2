#!/usr/bin/env node
// Launcher: runs the bundled CLI, rebuilding it first when any source is newer than the bundle.
// This keeps `npx placewise` working in a fresh checkout without an install-time build step
// (npm skips lifecycle scripts here) and keeps start-up fast: no TypeScript loader at run time,
// V8's code cache of the bundle (scripts/code-cache.cjs), and CommonJS throughout, so that Node
// never starts its ES module loader for a command that does not need it.
'use strict';
const { join } = require('node:path');
const { ROOT, bundleIsStale } = require('../scripts/bundle-stamp.cjs');
const { loadCachedBundle } = require('../scripts/code-cache.cjs');

async function launch(argv) {
  // The build (esbuild) is an ES module and loaded only when the bundle must be rebuilt.
  if (bundleIsStale()) await (await import('../scripts/bundle-cli.mjs')).buildCliBundle();
  // Each command keeps its own cache; a mistyped command, which fails with a usage error, saves none.
  const command = /^[a-z]+$/.test(argv[0] ?? '') ? argv[0] : 'help';
  const { exports, save } = loadCachedBundle(join(ROOT, 'dist', 'cli.cjs'), command);
  process.exitCode = await exports.main(argv);
  if (process.exitCode < 2) save();
}

// A rejection here is the launcher's own failure (the bundle could not be built or read):
// Node prints it and exits 1, as it did for the ES module launcher's top-level await.
void launch(process.argv.slice(2));
