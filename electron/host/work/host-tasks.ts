// What the host's worker threads do (host-worker.ts runs these; tests may call them directly).
// Each is work that would hold the host's event loop: simulating, reading and decoding files,
// parsing scenarios, running a benchmark's bookkeeping beside its child processes.
import { BenchInputError } from '../../../bench/errors';
import type { BenchProgress } from '../../../bench/index';
import { evaluateScenario } from '../../../simulator/evaluate/evaluate-scenario';
import { parseScenarioTextSafely } from '../../../simulator/scenario/parse-failure';
import { formatScenarioError } from '../../../simulator/scenario/scenario-error';
import type { TaskFailure, TaskInput, TaskKind, TaskOutput } from './protocol';

/** Input a user can fix: answered as such (HTTP 400), never as a failure of the host. */
export class TaskInputError extends Error {
  override name = 'TaskInputError';
}

export interface TaskHooks {
  signal: AbortSignal;
  progress(progress: BenchProgress): void;
}

type Tasks = { [K in TaskKind]: (input: TaskInput<K>, hooks: TaskHooks) => Promise<TaskOutput<K>> };

const bench = () => import('../../../bench/index');

export const HOST_TASKS: Tasks = {
  async simulate({ scenarioText }) {
    const parsed = parseScenarioTextSafely(scenarioText);
    if (!parsed.ok) {
      throw new TaskInputError(parsed.errors.map((error) => formatScenarioError('scenario', error)).join('\n'));
    }
    return {
      scenario: parsed.scenario,
      results: evaluateScenario(parsed.scenario),
      uncertainValues: parsed.uncertain?.parameters.length ?? 0,
    };
  },
  async applyBenchmark({ scenarioText, report, modelId, options }) {
    return (await bench()).applyBenchToScenario(scenarioText, report, modelId, options);
  },
  async readBenchReport({ path }) {
    return (await bench()).readBenchReport(path);
  },
  async listBundledModels() {
    return (await bench())
      .listBundledModels()
      .map(({ id, reference, label, size_mb, params }) => ({ id, reference, label, size_mb, params }));
  },
  async benchmark(request, { signal, progress }) {
    return (await bench()).runBenchmark(request, { signal, onProgress: progress });
  },
  async split({ device, server, link, mbps, ...request }, { signal, progress }) {
    const { measureSplit, projectSplit } = await bench();
    const { measurement, report } = await measureSplit(request, { signal, onProgress: progress });
    return { report, split: projectSplit(measurement, { device, server, link, mbps }) };
  },
};

export function describeFailure(error: unknown, cancelled: boolean): TaskFailure {
  return {
    message: error instanceof Error ? error.message : String(error),
    input: error instanceof TaskInputError || error instanceof BenchInputError,
    cancelled,
  };
}
