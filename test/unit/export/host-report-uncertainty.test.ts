// The app's exported report (the host's export path) carries the same uncertainty section as
// `placewise export`: a Monte Carlo study of the scenario's uncertain values, made on the host's
// worker with the CLI's defaults, so that both reports show the same figures for the same file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ApiError, type ExportProgress } from '../../../electron/api/contract';
import { exportScenarioText } from '../../../electron/host/scenario-export';
import { createHostWork } from '../../../electron/host/work/host-work';
import { buildCliFirst, placewise, root } from '../support/placewise-cli';

buildCliFirst();

const file = join(root, 'test/e2e/fixtures/uncertain-two-tier.yaml');
const work = createHostWork({ simulations: { workers: 1 } });
afterAll(() => {
  work.simulations.close();
  work.benchmarks.close();
});

/** The report's text from `## Uncertainty` up to the next section. */
function uncertaintySection(markdown: string): string {
  const start = markdown.indexOf('## Uncertainty');
  expect(start).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end);
}

test("the app's Markdown report studies the uncertain values as `placewise export` does", async () => {
  const progress: ExportProgress[] = [];
  const exported = await exportScenarioText(
    { scenarioText: readFileSync(file, 'utf8'), format: 'md', scenarioFile: 'uncertain-two-tier.yaml' },
    work.simulations,
    undefined,
    (step) => progress.push(step),
  );
  if (!exported.ok) throw new Error(exported.message);
  const section = uncertaintySection(Buffer.from(exported.base64, 'base64').toString('utf8'));
  expect(section).toContain('50 Monte Carlo samples of the 4 uncertain values');
  // 50 samples, the nominal run, and a low and a high run of each of the 4 values.
  expect(progress.at(-1)).toEqual({ done: 59, total: 59 });

  const cli = placewise('export', file, '--format', 'md', '--out', '-');
  expect(cli.stderr).toBe('');
  expect(section).toBe(uncertaintySection(cli.stdout));
});

test('a draw that breaks the scenario fails the export with the reason, as bad input', async () => {
  // A uniform latency whose lower end is drawn above its upper end in some samples.
  const text = readFileSync(file, 'utf8').replace(
    'latency_ms: { uniform: [20, 40] }',
    'latency_ms: { uniform: [{ range: [20, 60] }, 40] }',
  );
  const exporting = exportScenarioText({ scenarioText: text, format: 'md' }, work.simulations);
  await expect(exporting).rejects.toBeInstanceOf(ApiError);
  await expect(exporting).rejects.toThrow(/narrow the uncertain values so that every draw is valid/);
});
