// Scale in users (issue 15, target 3): the same total load (2,000 requests per second through a
// per-user phone and link to a shared service) from 1,000 users and from 1,000,000, whole
// process, 100,000 requests each. Target: the million users take at most 1.5x the time of the
// thousand. The two alternate so that drift on a shared machine hits both; CPU time (user +
// system, from inside the child) moves less with load than wall time. Prints, never asserts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const REPORT_CPU = fileURLToPath(new URL('./support/report-cpu.cjs', import.meta.url));
const ROUNDS = 3;
const TOTAL_RPS = 2000;
const template = readFileSync(join(root, 'test', 'perf', 'fixtures', 'users-scale.yaml'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'placewise-users-'));

function scenarioFor(users: number): string {
  const file = join(scratch, `users-${users}.yaml`);
  const text = template
    .replace(/^ {2}users: \d+$/m, `  users: ${users}`)
    .replace(/^ {2}per_user_rps: [\d.]+$/m, `  per_user_rps: ${TOTAL_RPS / users}`);
  writeFileSync(file, text);
  return file;
}

function timed(file: string): { wall: number; cpu: number; detailed: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', REPORT_CPU, 'bin/placewise.cjs', 'run', file, '--json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`placewise run ${file} failed: ${result.stderr}`);
  const cpu = Number(/cpu-seconds=(\d+(\.\d+)?)/.exec(result.stderr)?.[1] ?? Number.NaN);
  const detailed = (JSON.parse(result.stdout) as { options: { detailed_users: number }[] }).options[0].detailed_users;
  return { wall, cpu, detailed };
}

try {
  const few = scenarioFor(1000);
  const many = scenarioFor(1_000_000);
  timed(few);
  const runs: Record<'few' | 'many', ReturnType<typeof timed>[]> = { few: [], many: [] };
  for (let round = 0; round < ROUNDS; round++) {
    runs.few.push(timed(few));
    runs.many.push(timed(many));
  }
  const best = (list: ReturnType<typeof timed>[], pick: 'wall' | 'cpu') => Math.min(...list.map((run) => run[pick]));
  console.log(`scale in users: ${TOTAL_RPS} requests per second in all, 100,000 requests, best of ${ROUNDS} rounds`);
  for (const [label, list] of [
    ['1,000 users    ', runs.few],
    ['1,000,000 users', runs.many],
  ] as const) {
    console.log(
      `  ${label}: ${best(list, 'wall').toFixed(3)} s wall, ${best(list, 'cpu').toFixed(3)} s CPU, ${list[0].detailed} simulated in detail`,
    );
  }
  console.log(
    `  ratio: ${(best(runs.many, 'wall') / best(runs.few, 'wall')).toFixed(2)}x wall, ${(best(runs.many, 'cpu') / best(runs.few, 'cpu')).toFixed(2)}x CPU (target at most 1.5x)`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
