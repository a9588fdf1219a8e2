// npm run fuzz [-- --per N --seed S --requests N]: the long fuzz run, thousands of mutated files
// (by default 1,000 of each library scenario), for occasional use. Prints each violation of the
// rule with the mutation that caused it (remake it with scenarioMutation(text, seed, index)) and
// exits 1 if there was any.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runFuzz } from './run-fuzz';

const { values } = parseArgs({
  options: {
    per: { type: 'string', default: '1000' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    requests: { type: 'string', default: '2000' },
  },
});
const folder = fileURLToPath(new URL('../../scenarios', import.meta.url));
const scenarios = readdirSync(folder)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => join(folder, name));
const seed = Number(values.seed);
const per = Number(values.per);
console.log(`fuzz: ${per} mutations of each of ${scenarios.length} scenarios, seed ${seed}`);
const started = performance.now();
// As the fuzzing review that found issue 16 did: an answer within 20 s, or it counts as none.
const report = await runFuzz(
  { jobs: scenarios.map((scenario) => ({ scenario, from: 0, to: per })), seed, requests: Number(values.requests) },
  20_000,
);
for (const violation of report.violations) {
  console.log(`${violation.scenario} #${violation.index} (${violation.kind}): ${violation.problems.join('; ')}`);
}
const { slowest } = report;
console.log(
  `fuzz: ${report.files} files in ${((performance.now() - started) / 1000).toFixed(0)} s: ` +
    `${Object.entries(report.answers)
      .map(([kind, count]) => `${count} ${kind}`)
      .join(', ')}; ${report.violations.length} violations` +
    (slowest ? `; slowest ${Math.round(slowest.ms)} ms (${slowest.kind}, #${slowest.index})` : ''),
);
process.exitCode = report.violations.length > 0 ? 1 : 0;
