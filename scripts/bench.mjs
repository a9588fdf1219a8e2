// npm run bench: runs every benchmark under test/perf/ in its own process, one after another,
// so they do not disturb each other. Benchmarks print figures; none asserts.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const perf = join(root, 'test', 'perf');
const only = process.argv.slice(2);
const scripts = readdirSync(perf)
  .filter((name) => name.endsWith('.ts'))
  .filter((name) => only.length === 0 || only.some((filter) => name.includes(filter)))
  .sort();
let failed = 0;
for (const script of scripts) {
  console.log(`\n== ${script}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(perf, script)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
