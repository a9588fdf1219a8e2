#!/usr/bin/env node
// Launcher: runs the bundled CLI, rebuilding it first when any source is newer than the bundle.
// This keeps `npx placewise` working in a fresh checkout without an install-time build step
// (npm skips lifecycle scripts here) and keeps start-up fast (no TypeScript loader at run time,
// and V8's code cache of the bundle, scripts/code-cache.mjs).
import { ensureCliBundle } from '../scripts/bundle-cli.mjs';
import { loadCachedBundle } from '../scripts/code-cache.mjs';

const argv = process.argv.slice(2);
const bundle = await ensureCliBundle();
// Each command keeps its own cache; a mistyped command, which fails with a usage error, saves none.
const command = /^[a-z]+$/.test(argv[0] ?? '') ? argv[0] : 'help';
const { exports, save } = loadCachedBundle(bundle, command);
process.exitCode = await exports.main(argv);
if (process.exitCode < 2) save();
