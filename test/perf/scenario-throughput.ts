// Whole-process figures of `placewise run`: requests per second through the whole scenario
// path on a one-step M/M/10 scenario with 1M requests, next to SimPy 2 on the same queue in the
// same run (issue 15 target 2: at least 20x SimPy; skipped with a message without Debian's
// python3-simpy), the accuracy of its mean and p95 against Erlang C, its peak memory (target:
// under 500 MB), and the wall time of the AR scenario as JSON (target: under 1 s). Prints,
// never asserts.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ScenarioResults } from '../../simulator';
import { erlangC } from '../../simulator/analytic/erlang';

const root = fileURLToPath(new URL('../..', import.meta.url));
const reportRss = fileURLToPath(new URL('./report-peak-memory.cjs', import.meta.url));

function runCli(args: string[]): { seconds: number; stdout: string; peakMb: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', reportRss, 'bin/placewise.cjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`placewise ${args.join(' ')} failed: ${result.stderr}`);
  const peak = /peak-rss-mb=(\d+(\.\d+)?)/.exec(result.stderr);
  return { seconds, stdout: result.stdout, peakMb: peak ? Number(peak[1]) : Number.NaN };
}

// A short run of the same command first: it rebuilds a stale bundle and leaves the run command's
// V8 code cache, which every later run uses (without it a run compiles the whole bundle, some
// 0.1 s of CPU here), so that the figures below are of placewise as it runs from then on.
runCli(['run', 'test/perf/fixtures/mm10.yaml', '--json', '--requests', '1000']);
const mm10 = runCli(['run', 'test/perf/fixtures/mm10.yaml', '--json']);
const results = JSON.parse(mm10.stdout) as ScenarioResults;
const option = results.options[0];
// Theory: lambda = 0.8 per ms, 10 servers of mean 10 ms.
const servers = 10;
const serviceMs = 10;
const offered = 0.8 * serviceMs;
const probabilityWait = erlangC(servers, offered);
const waitRate = servers / serviceMs - 0.8;
const meanTheory = probabilityWait / waitRate + serviceMs;
// The response time is the sum of an exponential service and a wait that is 0 with probability
// 1 - C and exponential with rate (c mu - lambda) otherwise; its p95 is found by bisection.
const cdf = (t: number) => {
  const mu = 1 / serviceMs;
  const a = waitRate;
  // P(W + S <= t) for independent W (mixture) and S ~ Exp(mu), a != mu.
  const serviceOnly = 1 - Math.exp(-mu * t);
  const convolution = 1 - (a * Math.exp(-mu * t) - mu * Math.exp(-a * t)) / (a - mu);
  return (1 - probabilityWait) * serviceOnly + probabilityWait * convolution;
};
let low = 0;
let high = 1000;
for (let step = 0; step < 100; step++) {
  const middle = (low + high) / 2;
  if (cdf(middle) < 0.95) low = middle;
  else high = middle;
}
const p95Theory = (low + high) / 2;
console.log('scenario path: one-step M/M/10 at utilisation 0.8, 1,000,000 requests, whole process');
console.log(
  `  ${(results.requests / mm10.seconds / 1e6).toFixed(2)} million requests per second (${mm10.seconds.toFixed(3)} s wall, Node start-up included)`,
);
console.log(`  peak memory ${mm10.peakMb.toFixed(0)} MB`);
printSimPyBaseline(results.requests, mm10.seconds);
console.log(
  `  mean ${option.latency_ms.mean.toFixed(3)} ms vs Erlang C ${meanTheory.toFixed(3)} ms (${(100 * (option.latency_ms.mean / meanTheory - 1)).toFixed(2)}%)`,
);
console.log(
  `  p95 ${option.latency_ms.p95.toFixed(3)} ms vs theory ${p95Theory.toFixed(3)} ms (${(100 * (option.latency_ms.p95 / p95Theory - 1)).toFixed(2)}%)`,
);

const walls: number[] = [];
for (let repeat = 0; repeat < 3; repeat++)
  walls.push(runCli(['run', 'scenarios/ar-translation.yaml', '--json']).seconds);
console.log('placewise run scenarios/ar-translation.yaml --json, whole process');
console.log(
  `  wall ${walls.map((seconds) => seconds.toFixed(3)).join(' s, ')} s (best ${Math.min(...walls).toFixed(3)} s)`,
);

// SimPy 2 is Debian's python3-simpy, installed for the system's Python (which a pyenv or venv
// python3 earlier on the PATH does not see).
function printSimPyBaseline(requests: number, placewiseSeconds: number): void {
  const script = fileURLToPath(new URL('./support/simpy-mm10.py', import.meta.url));
  const python = ['python3', '/usr/bin/python3'].find(
    (candidate) => spawnSync(candidate, ['-c', 'import SimPy.Simulation']).status === 0,
  );
  if (!python) {
    console.log('  SimPy 2 baseline skipped: no python3 with SimPy 2 (Debian: apt-get install python3-simpy)');
    return;
  }
  const started = performance.now();
  const simpy = spawnSync(python, [script, String(requests)], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (simpy.status !== 0) throw new Error(`SimPy baseline failed: ${simpy.stderr}`);
  console.log(
    `  SimPy 2, same queue and requests: ${seconds.toFixed(3)} s wall (mean ${Number(simpy.stdout).toFixed(3)} ms); placewise is ${(seconds / placewiseSeconds).toFixed(1)}x faster (target at least 20x, goal 30x)`,
  );
}
