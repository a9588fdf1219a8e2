// onnxruntime-web (WebAssembly, as `placewise bench --on-device` runs it in a browser) against
// onnxruntime-node (as `placewise bench` runs it) on the same models, shapes, inputs, thread
// count and machine: the median of each, and what a device measurement in a browser loses to
// WebAssembly. onnxruntime-web runs in this process (its wasm backend works in Node), through
// the same feed sequence and measurement loop as the benchmark page; onnxruntime-node in the
// benchmark child. Then offline throughput (queries batched by 8) against single-stream's.
// Prints figures, asserts nothing. Run: npx tsx test/perf/web-vs-node.ts
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as ortWeb from 'onnxruntime-web';
import { inputPlans } from '../../bench/inputs/input-plans';
import { feedSequence } from '../../bench/inputs/feed-sequence';
import { loadModel } from '../../bench/inspect/model-facts';
import { resolveInputShapes } from '../../bench/inspect/resolve-shapes';
import { measureLoop } from '../../bench/runner/measure-loop';
import { runBenchmark } from '../../bench/runner/run-benchmark';
import { summarizeLatencies } from '../../bench/stats/latency-stats';

const MODELS = ['paddleocr-cls', 'silero-vad', 'paddleocr-rec'];
const ITERATIONS = 60;
const WARMUP = 5;
const THREADS = 1;
const SEED = 1;

async function webMedian(id: string): Promise<number> {
  const loaded = loadModel(`bundled:${id}`);
  const shapes = resolveInputShapes(loaded.facts.file, loaded.facts.inputs, {
    defaults: loaded.bundled?.defaultShapes,
  });
  ortWeb.env.wasm.numThreads = THREADS;
  const session = await ortWeb.InferenceSession.create(readFileSync(loaded.facts.file), {
    executionProviders: ['wasm'],
  });
  const sequence = feedSequence(
    inputPlans(loaded, shapes),
    { ...loaded.bundled?.recurrent },
    SEED,
    (type, data, shape) => new ortWeb.Tensor(type as ortWeb.Tensor.Type, data, shape),
  );
  const infer = async () => sequence.advance(await session.run(sequence.feeds));
  for (let i = 0; i < WARMUP + 1; i++) await infer();
  const loop = await measureLoop({ mode: 'single-stream', iterations: ITERATIONS, seed: SEED }, infer);
  await session.release();
  return summarizeLatencies(loop.latencies).p50;
}

console.log(
  `onnxruntime-web ${ortWeb.env.versions.web} (wasm) against onnxruntime-node, ${THREADS} thread, ${ITERATIONS} runs, default shapes; load average ${loadavg()[0].toFixed(1)}`,
);
for (const id of MODELS) {
  const node = await runBenchmark({
    model: `bundled:${id}`,
    threads: [THREADS],
    iterations: ITERATIONS,
    warmup: WARMUP,
  });
  const [result] = node.results;
  const web = await webMedian(id);
  console.log(
    `  ${id.padEnd(14)} p50 node ${result.latency_ms.p50.toFixed(3)} ms  web ${web.toFixed(3)} ms  web/node ${(web / result.latency_ms.p50).toFixed(2)}x  (node per-call overhead ${result.overhead_ms} ms)`,
  );
}

const single = await runBenchmark({
  model: 'bundled:paddleocr-cls',
  threads: [THREADS],
  iterations: 80,
  warmup: WARMUP,
});
const offline = await runBenchmark({
  model: 'bundled:paddleocr-cls',
  mode: 'offline',
  batch: [8],
  threads: [THREADS],
  iterations: 80,
  warmup: WARMUP,
});
console.log(
  `  paddleocr-cls samples/s: single-stream ${single.results[0].throughput_ips}, offline (batch 8) ${offline.results[0].samples_per_s} (${(offline.results[0].samples_per_s! / single.results[0].throughput_ips).toFixed(2)}x)`,
);
