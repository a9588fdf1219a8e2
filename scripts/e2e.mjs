// Runs the end-to-end tests (test/e2e/, Playwright driving Chromium against browser mode),
// building the renderer first when a source is newer than dist-app/.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRendererBuilt } from './start.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await ensureRendererBuilt();
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(
  process.execPath,
  [vitest, 'run', '--config', 'test/e2e/vitest.config.ts', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
process.exit(run.status ?? 1);
