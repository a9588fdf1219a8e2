// CPU time per request of the general event loop (simulate-option.ts) on the AR scenario's two
// options that Monte Carlo runs in full most: `cloud` (background users on shared GPUs, a
// per-user link with outages) and `glasses-cascade` (a cascade on the glasses). For each, a long
// full-fidelity run and many runs of 2,000 requests at preview fidelity (a Monte Carlo sample's
// full run), by CPU time in this process (user + system, the least of several rounds, which a
// loaded machine disturbs the least). Prints, never asserts. Run: npx tsx test/perf/event-loop.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateScenario, parseScenarioText } from '../../simulator';
import type { EvaluateSettings } from '../../simulator';

const root = fileURLToPath(new URL('../..', import.meta.url));
const parsed = parseScenarioText(readFileSync(join(root, 'scenarios', 'ar-translation.yaml'), 'utf8'));
if (!parsed.ok) throw new Error('scenarios/ar-translation.yaml does not validate');
const scenario = parsed.scenario;

/** The least CPU milliseconds over `rounds` of `runs` evaluations each (after one to compile). */
function leastCpuMs(settings: EvaluateSettings, runs: number, rounds: number): number {
  evaluateScenario(scenario, settings);
  let least = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const started = process.cpuUsage();
    for (let run = 0; run < runs; run++) evaluateScenario(scenario, settings);
    const used = process.cpuUsage(started);
    least = Math.min(least, (used.user + used.system) / 1000 / runs);
  }
  return least;
}

console.log('general event loop, AR scenario, CPU time (least of the rounds)');
for (const option of ['cloud', 'glasses-cascade']) {
  const full = leastCpuMs({ options: [option], requests: 200_000 }, 1, 3);
  const sample = leastCpuMs({ options: [option], requests: 2000, fidelity: 'preview' }, 30, 3);
  // Simulated requests are the measured ones plus a tenth for the warm-up (run-shape.ts).
  console.log(
    `  ${option.padEnd(16)} 200,000 requests: ${full.toFixed(0)} ms (${((full * 1000) / 220_000).toFixed(2)} µs a request);` +
      ` 2,000 at preview: ${sample.toFixed(1)} ms a run`,
  );
}
