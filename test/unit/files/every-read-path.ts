// Every path by which Placewise reads a file a user named, in the CLI and in the host (and the
// app, which reads what the host opened): each gives its messages for one file, so that a test
// can say what none of them may contain, or what all of them must say.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { createPlacewiseStore } from '../../../app/store/store';
import { main } from '../../../cli/main';
import type { HostApi } from '../../../electron/api/arguments';
import { createBenchmarkJobs } from '../../../electron/host/benchmark-jobs';
import { createPlacewiseHost } from '../../../electron/host/host';
import { benchResult, piReport } from '../bench/report-fixture';

export interface PathMessage {
  path: string;
  /** The CLI's exit code; absent for the host. */
  code?: number;
  message: string;
}

/** Runs every CLI command that reads `file` (scenario, model, results, a scenario to update) in this process. */
export async function cliMessages(file: string, scratch: string): Promise<PathMessage[]> {
  const results = join(scratch, 'results.json');
  writeFileSync(results, JSON.stringify(piReport([benchResult({})])));
  const commands = [
    ['run', file],
    ['check', file],
    ['capacity', file],
    ['export', file, '--format', 'mmd', '--out', join(scratch, 'out.mmd')],
    ['bench', file, '--iterations', '1'],
    ['bench', '--import', file, '--into', join(scratch, 'never-read.yaml'), '--model', 'det'],
    ['bench', '--import', results, '--into', file, '--model', 'det'],
  ];
  const messages: PathMessage[] = [];
  for (const args of commands) {
    let output = '';
    const capture = (chunk: unknown) => {
      output += String(chunk);
      return true;
    };
    const spies = [vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write')];
    for (const spy of spies) spy.mockImplementation(capture);
    try {
      const code = await main(args);
      messages.push({ path: `placewise ${args.join(' ')}`, code, message: output });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  }
  return messages;
}

/** A host as `placewise serve` makes it, with benchmarks, its data in `dataDir`. */
export function readingHost(dataDir: string): HostApi {
  return createPlacewiseHost({
    transport: 'http',
    dataDir,
    startScenarioPath: null,
    version: 'test',
    benchmarks: createBenchmarkJobs(),
  });
}

/** Opens (and shows in the app), imports, exports and benchmarks `file` through the host. */
export async function hostMessages(host: HostApi, file: string): Promise<PathMessage[]> {
  const messages: PathMessage[] = [];
  const opened = await host.openScenario(file);
  if (opened.ok) {
    // The host hands the text to the app, which reads it and says why it will not open.
    const store = createPlacewiseStore();
    store.getState().loadScenarioText(file, opened.file.text);
    const shown = store.getState().openProblem?.messages ?? ['opened'];
    messages.push(...shown.map((message) => ({ path: 'openScenario, then the app', message })));
    const exported = await host.exportScenario({ scenarioText: opened.file.text, format: 'mmd' }).then(
      (result) => (result.ok ? 'exported' : result.message),
      (error: Error) => error.message,
    );
    messages.push({ path: 'exportScenario of its text', message: exported });
  } else messages.push({ path: 'openScenario', message: opened.message });
  const imported = await host.importBenchmarkReport(file).then(
    () => 'imported',
    (error: Error) => error.message,
  );
  messages.push({ path: 'importBenchmarkReport', message: imported });
  const { jobId } = await host.startBenchmark({ model: file });
  let status = await host.benchmarkStatus(jobId);
  while (status.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    status = await host.benchmarkStatus(jobId);
  }
  messages.push({ path: 'startBenchmark', message: status.state === 'failed' ? status.message : status.state });
  return messages;
}
