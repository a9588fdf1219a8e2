// How long `placewise split bundled:paddleocr-det` takes from start to end, as a user runs it
// (default 10 runs, calibrated, all cores): the whole-model benchmark, the calibration on the
// recognition model, and the profiled runs that time every operator. Prints; never asserts.
// Run: npx tsx test/perf/split-wall-time.ts
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const args = [
  'split',
  'bundled:paddleocr-det',
  '--device',
  'phone-midrange',
  '--server',
  'aws-c7i-xlarge',
  '--link',
  'lte',
  '--json',
];
// Once to build the CLI bundle and the benchmark child if a source changed, then measured.
spawnSync(process.execPath, [join(root, 'bin', 'placewise.cjs'), 'models'], { cwd: root });
const start = performance.now();
const run = spawnSync(process.execPath, [join(root, 'bin', 'placewise.cjs'), ...args], { cwd: root, encoding: 'utf8' });
const seconds = (performance.now() - start) / 1000;
if (run.status !== 0) throw new Error(`placewise split failed: ${run.stderr}`);
const analysis = JSON.parse(run.stdout) as { nodes: number; cuts: unknown[]; p50_ms: number; timed_runs: number };
console.log(
  `placewise split bundled:paddleocr-det: ${seconds.toFixed(1)} s start to end (${analysis.nodes} operators, ${analysis.cuts.length} cuts, p50 ${analysis.p50_ms} ms, ${analysis.timed_runs} profiled runs); load average ${loadavg()[0].toFixed(1)}`,
);
