// Harness overhead of `placewise bench` (issue 3): its median next to a bare `session.run` loop
// on the same model, shape, threads, inputs and session options, in the same run, alternating
// the two so that drift on a shared machine hits both; then the wall time of a 30-iteration
// benchmark of PaddleOCR detection at 640x640, start to finish, as a user runs it.
// Prints figures, asserts nothing. Run: npx tsx test/perf/bench-harness.ts
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import { bundledModel } from '../../bench/models/bundled-models';
import { feedSequence, measurementSessionOptions } from '../../bench/runner/onnx-session';
import { runBenchmark } from '../../bench/runner/run-benchmark';
import { quantileSorted } from '../../bench/stats/latency-stats';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROUNDS = 3;

interface Case {
  id: string;
  threads: number;
  iterations: number;
}

const CASES: Case[] = [
  { id: 'paddleocr-cls', threads: 1, iterations: 200 },
  { id: 'paddleocr-det', threads: 1, iterations: 20 },
];

const median = (values: number[]) => quantileSorted(Float64Array.from(values).sort(), 0.5);

// The bare loop: what a hand-written benchmark would do, with nothing around session.run.
async function bareLoopMedian(id: string, threads: number, iterations: number, warmup: number): Promise<number> {
  const bundled = bundledModel(id)!;
  const plans = Object.entries(bundled.defaultShapes).map(([name, shape]) => ({
    name,
    type: name === 'sr' ? 'int64' : 'float32',
    shape: [...shape],
    fill: bundled.inputs[name],
  }));
  const session = await ort.InferenceSession.create(bundled.file(), measurementSessionOptions(threads));
  const feeds = feedSequence(plans, { ...bundled.recurrent }, 1).feeds;
  for (let i = 0; i < warmup + 1; i++) await session.run(feeds);
  const latencies: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await session.run(feeds);
    latencies.push(performance.now() - start);
  }
  await session.release();
  return median(latencies);
}

async function harnessMedian(id: string, threads: number, iterations: number, warmup: number): Promise<number> {
  const report = await runBenchmark({ model: `bundled:${id}`, threads: [threads], iterations, warmup });
  return report.results[0].latency_ms.p50;
}

console.log('placewise bench harness overhead (median latency per run, ms)');
for (const { id, threads, iterations } of CASES) {
  const bench: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    bare.push(await bareLoopMedian(id, threads, iterations, 5));
    bench.push(await harnessMedian(id, threads, iterations, 5));
  }
  // The best round of each is the least disturbed by other work on the machine; the median of
  // rounds is printed beside it so a noisy run shows as one.
  const percent = (ours: number, theirs: number) => {
    const overhead = ((ours - theirs) / theirs) * 100;
    return `${overhead >= 0 ? '+' : ''}${overhead.toFixed(1)}%`;
  };
  const [benchBest, bareBest] = [Math.min(...bench), Math.min(...bare)];
  const [benchMedian, bareMedian] = [median(bench), median(bare)];
  console.log(`  ${id} (default shape, ${threads} thread, ${iterations} runs x ${ROUNDS} rounds):`);
  console.log(
    `    best round:   placewise bench ${benchBest.toFixed(3)}  bare session.run ${bareBest.toFixed(3)}  overhead ${percent(benchBest, bareBest)} (target within 3%)`,
  );
  console.log(
    `    median round: placewise bench ${benchMedian.toFixed(3)}  bare session.run ${bareMedian.toFixed(3)}  overhead ${percent(benchMedian, bareMedian)}`,
  );
  console.log(
    `    rounds: bench [${bench.map((v) => v.toFixed(3)).join(', ')}]  bare [${bare.map((v) => v.toFixed(3)).join(', ')}]`,
  );
}

const start = performance.now();
execFileSync(
  process.execPath,
  [join(root, 'bin', 'placewise.cjs'), 'bench', 'bundled:paddleocr-det', '--iterations', '30', '--json'],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const wall = (performance.now() - start) / 1000;
console.log(
  `placewise bench bundled:paddleocr-det --iterations 30 (640x640, all cores), start to finish: ${wall.toFixed(2)} s (target under 5 s)`,
);
