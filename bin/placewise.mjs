#!/usr/bin/env node
// Launcher: runs the bundled CLI, rebuilding it first when any source is newer than the bundle.
// This keeps `npx placewise` working in a fresh checkout without an install-time build step
// (npm skips lifecycle scripts here) and keeps start-up fast (no TypeScript loader at run time).
import { ensureCliBundle } from '../scripts/bundle-cli.mjs';

const bundle = await ensureCliBundle();
const { main } = await import(bundle);
process.exitCode = await main(process.argv.slice(2));
