// How long exporting the AR scenario takes in every format together, as one
// `placewise export` session would (one browser shared). Target: under 3 s. Prints; never asserts.
// Run: npx tsx test/perf/export-formats.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_FORMATS, ExportRenderer, exportScenario } from '../../electron/host/export';
import { evaluateScenario, parseScenarioText } from '../../simulator';

const file = join(import.meta.dirname, '..', '..', 'scenarios', 'ar-translation.yaml');
const scenarioText = readFileSync(file, 'utf8');
const parsed = parseScenarioText(scenarioText);
if (!parsed.ok) throw new Error(`${file} does not load`);
const { scenario } = parsed;

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;

let start = performance.now();
const results = evaluateScenario(scenario);
console.log(`simulation (${results.requests} requests x ${results.options.length} options): ${seconds(start)}`);

// Twice: the first pass includes the browser start and the chart bundle build, the second
// shows what an app host that keeps its renderer pays.
const renderer = new ExportRenderer();
try {
  for (const pass of ['cold', 'warm']) {
    const exportsStart = performance.now();
    for (const format of EXPORT_FORMATS) {
      start = performance.now();
      const exported = await exportScenario({ scenario, scenarioText, results, format }, renderer);
      console.log(`  ${pass} ${format.padEnd(4)} ${seconds(start)}  ${(exported.bytes.length / 1024).toFixed(0)} KiB`);
    }
    console.log(`${pass}: all ${EXPORT_FORMATS.length} formats ${seconds(exportsStart)} (target < 3 s)`);
  }
} finally {
  await renderer.close();
}
