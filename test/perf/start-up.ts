// Start-up of the CLI (issue 15, target 1): a 1,000-request `placewise run --json` of the
// one-step M/M/10 scenario, whole process, next to `node -e 0` measured in the same run. The two
// alternate, so that drift on a shared machine hits both; the best of each is the least
// disturbed, and the median is printed beside it so that a noisy run shows as one. CPU time
// (user + system of the child, from its resource usage) is printed too: it moves less with load.
// The command is the package's `placewise` (bin/placewise.cjs, what npm links and npx runs).
// Prints, never asserts. Target: within 0.12 s of `node -e 0`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = 15;

interface Timing {
  wall: number;
  cpu: number;
}

// The child's own CPU time is read from inside it at exit, so the parent's does not count.
const REPORT_CPU = fileURLToPath(new URL('./support/report-cpu.cjs', import.meta.url));

function timed(args: string[]): Timing {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', REPORT_CPU, ...args], { cwd: root, encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  const cpu = /cpu-seconds=(\d+(\.\d+)?)/.exec(result.stderr);
  return { wall, cpu: cpu ? Number(cpu[1]) : Number.NaN };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const best = (values: number[]) => Math.min(...values);

const run = ['bin/placewise.cjs', 'run', 'test/perf/fixtures/mm10.yaml', '--json', '--requests', '1000'];
// One call first so that the bundle is built and the file cache is warm.
timed(run);
const bare: Timing[] = [];
const placewise: Timing[] = [];
for (let round = 0; round < ROUNDS; round++) {
  bare.push(timed(['-e', '0']));
  placewise.push(timed(run));
}

const seconds = (value: number) => `${value.toFixed(3)} s`;
const row = (label: string, pick: (values: number[]) => number) => {
  const [nodeWall, ourWall] = [pick(bare.map((t) => t.wall)), pick(placewise.map((t) => t.wall))];
  const [nodeCpu, ourCpu] = [pick(bare.map((t) => t.cpu)), pick(placewise.map((t) => t.cpu))];
  console.log(
    `  ${label}: placewise ${seconds(ourWall)}  node -e 0 ${seconds(nodeWall)}  difference ${seconds(ourWall - nodeWall)} (target within 0.120 s); CPU ${seconds(ourCpu)} against ${seconds(nodeCpu)}`,
  );
};
console.log(
  `start-up: \`placewise run --json\` of the M/M/10 scenario at 1,000 requests, whole process, ${ROUNDS} rounds`,
);
row('best round  ', best);
row('median round', median);
