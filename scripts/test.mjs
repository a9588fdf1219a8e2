// npm test: every check a change must pass, stopping at the first step that fails: the static
// checks (types, lint, formatting, the Electron security scan), unit tests, the scenario fitness
// check, end-to-end tests. The four static checks each use one core, so they run side by side
// (their output is printed whole, one after another); the test stages use every core on their
// own. Each stage's wall time and CPU time (its whole process tree, where the system reports it)
// is printed after it. Ends with one line `tests: N passed, N failed, N skipped` summed over the
// unit and end-to-end runs.
import { spawn } from 'node:child_process';
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

const steps = [
  [
    ['types', bin('tsc'), ['-p', 'tsconfig.json']],
    ['lint', bin('eslint'), ['.']],
    ['format', bin('prettier'), ['--check', '.']],
    ['electronegativity', process.execPath, [join(root, 'scripts', 'electronegativity.mjs')]],
  ],
  [['unit', process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...vitestReport('unit')]]],
  [['scenarios', process.execPath, [join(root, 'bin', 'placewise.cjs'), 'check', ...scenarioFiles()]]],
  [['e2e', process.execPath, [join(root, 'scripts', 'e2e.mjs'), ...vitestReport('e2e')]]],
];

// CPU seconds of the children this process has waited for, and of theirs (Linux: fields 16 and
// 17 of /proc/self/stat, in clock ticks of 1/100 s); undefined where there is no such file.
function childrenCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

const timing = (started, cpuBefore) => {
  const wall = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const cpuAfter = childrenCpuSeconds();
  return cpuAfter === undefined ? wall : `${wall}, CPU ${(cpuAfter - cpuBefore).toFixed(1)} s`;
};

/** Runs one stage; alone, its output goes straight through, else it is held until it ends. */
function runStage([name, command, args], alone) {
  return new Promise((resolveStage) => {
    const started = performance.now();
    if (alone) console.log(`\n== ${name}`);
    const child = spawn(command, args, { cwd: root, stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    // 'close' comes after the process is reaped and its output is read.
    child.on('close', (code) => resolveStage({ name, ok: code === 0, output: Buffer.concat(output), started }));
  });
}

let failedStage;
const suiteStarted = performance.now();
const suiteCpu = childrenCpuSeconds();
for (const step of steps) {
  const stepCpu = childrenCpuSeconds();
  let results;
  if (step.length === 1) {
    results = [await runStage(step[0], true)];
    console.log(`== ${step[0][0]}: ${timing(results[0].started, stepCpu)}`);
  } else {
    results = await Promise.all(step.map((stage) => runStage(stage, false)));
    for (const { name, output } of results) {
      console.log(`\n== ${name}`);
      process.stdout.write(output);
    }
    // Side by side, one stage's CPU time cannot be told from the others': the step's is printed.
    console.log(`== ${results.map(({ name }) => name).join(', ')}: ${timing(results[0].started, stepCpu)}`);
  }
  failedStage = results.find((result) => !result.ok)?.name;
  if (failedStage) break;
}
console.log(`\n== all stages: ${timing(suiteStarted, suiteCpu)}`);

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
