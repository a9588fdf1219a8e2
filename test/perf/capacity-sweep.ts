// A 20-point capacity sweep of the AR scenario's cloud tier (issue 6 target: under 5 s): the
// sweep alone in this process, and `placewise capacity` start to finish. Prints, never asserts.
// Run: npx tsx test/perf/capacity-sweep.ts
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { capacitySweep, parseScenarioText } from '../../simulator';

const root = fileURLToPath(new URL('../..', import.meta.url));
const file = 'scenarios/ar-translation.yaml';
const parsed = parseScenarioText(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error(`${file} does not load`);

const started = performance.now();
const sweep = capacitySweep(parsed.scenario, { component: 'cloud', points: 20 });
const inProcess = (performance.now() - started) / 1000;

spawnSync(process.execPath, ['bin/placewise.cjs', '--version'], { cwd: root });
const cliStarted = performance.now();
const cli = spawnSync(process.execPath, ['bin/placewise.cjs', 'capacity', file, '--component', 'cloud', '--json'], {
  cwd: root,
  encoding: 'utf8',
});
const wholeProcess = (performance.now() - cliStarted) / 1000;
if (cli.status !== 0) throw new Error(`placewise capacity failed: ${cli.stderr}`);

const last = sweep.points.at(-1)!;
console.log(
  `capacity sweep of ${sweep.component} (${sweep.option}), ${sweep.points.length} points, ${sweep.simulations} simulations of ${sweep.requests_per_trial} requests`,
);
console.log(`  in process:    ${inProcess.toFixed(2)} s   (target < 5 s)`);
console.log(`  whole process: ${wholeProcess.toFixed(2)} s`);
console.log(
  `  up to ${Math.round(last.rps)} rps: ${last.replicas} replicas, p95 ${Math.round(last.p95_ms)} ms; ${sweep.serverless.note}`,
);
