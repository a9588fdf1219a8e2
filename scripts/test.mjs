// npm test: every check a change must pass, in order of speed, stopping at the first stage
// that fails: types, lint, formatting, the Electron security scan, unit tests, the scenario
// fitness check, end-to-end tests. Ends with one line `tests: N passed, N failed, N skipped`
// summed over the unit and end-to-end runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = mkdtempSync(join(tmpdir(), 'placewise-test-'));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const vitestReport = (name) => [
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(reports, `${name}.json`)}`,
];

const scenarioFiles = () =>
  readdirSync(join(root, 'scenarios'))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => join('scenarios', name));

const stages = [
  ['types', bin('tsc'), ['-p', 'tsconfig.json']],
  ['lint', bin('eslint'), ['.']],
  ['format', bin('prettier'), ['--check', '.']],
  ['electronegativity', process.execPath, [join(root, 'scripts', 'electronegativity.mjs')]],
  ['unit', process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...vitestReport('unit')]],
  ['scenarios', process.execPath, [join(root, 'bin', 'placewise.mjs'), 'check', ...scenarioFiles()]],
  ['e2e', process.execPath, [join(root, 'scripts', 'e2e.mjs'), ...vitestReport('e2e')]],
];

let failedStage;
for (const [name, command, args] of stages) {
  console.log(`\n== ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    failedStage = name;
    break;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const name of ['unit', 'e2e']) {
  const file = join(reports, `${name}.json`);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}
if (failedStage) console.log(`\nthe ${failedStage} stage failed`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = failedStage ? 1 : 0;
