// The host under a storm (issue 19 target: a trivial call answered within 100 ms while 200
// simulations are queued): 200 exports of the AR scenario are sent to a browser-mode server at
// once, and, once the server holds them all, hostInfo is timed over HTTP. The host's default
// pools, as `placewise serve` has them. Prints figures, asserts nothing.
// Run: npx tsx test/perf/host-storm.ts
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlacewiseHost } from '../../electron/host/host';
import { startBrowserModeServer } from '../../electron/host/http-server';
import { sharedHostWork } from '../../electron/host/work/host-work';
import { callApi } from '../unit/electron/http-call';

const STORM = 200;
const SAMPLES = 20;
const root = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'placewise-storm-'));
const scenarioText = readFileSync(join(root, 'scenarios', 'ar-translation.yaml'), 'utf8');
const work = sharedHostWork();
const host = createPlacewiseHost({ transport: 'http', dataDir, startScenarioPath: null, version: 'bench', work });
const server = await startBrowserModeServer({ host, appDir: join(dataDir, 'app') });

const storm = Array.from({ length: STORM }, () => callApi(server, 'exportScenario', [{ scenarioText, format: 'md' }]));
const expected = STORM - work.simulations.limits.workers;
while (work.simulations.queued < expected) await new Promise((resolve) => setTimeout(resolve, 5));

const latencies: number[] = [];
let queuedAtEnd = 0;
for (let sample = 0; sample < SAMPLES; sample++) {
  const started = performance.now();
  const reply = await callApi(server, 'hostInfo', []).reply;
  latencies.push(performance.now() - started);
  if (reply.status !== 200) throw new Error(`hostInfo answered ${reply.status}: ${reply.body}`);
  queuedAtEnd = work.simulations.queued;
}
const sorted = [...latencies].sort((a, b) => a - b);
const { workers } = work.simulations.limits;
console.log(
  `hostInfo over HTTP with ${STORM} simulations sent (${workers} worker thread${workers === 1 ? '' : 's'}, ${expected} queued)`,
);
console.log(`  first call:  ${latencies[0].toFixed(1)} ms   (target ≤ 100 ms)`);
console.log(`  median of ${SAMPLES}: ${sorted[SAMPLES >> 1].toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`);
console.log(`  still queued after the last call: ${queuedAtEnd}`);

for (const call of storm) call.abandon();
work.simulations.close();
await server.close();
rmSync(dataDir, { recursive: true, force: true });
