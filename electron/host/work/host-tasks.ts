// What the host's worker threads do (host-worker.ts runs these; tests may call them directly).
// Each is work that would hold the host's event loop: simulating, reading and decoding files,
// parsing scenarios, running a benchmark's bookkeeping beside its child processes.
import { BenchInputError } from '../../../bench/errors';
import { evaluateScenario } from '../../../simulator/evaluate/evaluate-scenario';
import { parseScenarioTextSafely } from '../../../simulator/scenario/parse-failure';
import { formatScenarioError } from '../../../simulator/scenario/scenario-error';
import {
  MONTE_CARLO_REQUESTS,
  type MonteCarloReport,
  MonteCarloDrawError,
  monteCarloInOrder,
} from '../../../simulator/uncertainty/index';
import type { TaskFailure, TaskInput, TaskKind, TaskOutput, TaskProgress } from './protocol';

/** Input a user can fix: answered as such (HTTP 400), never as a failure of the host. */
export class TaskInputError extends Error {
  override name = 'TaskInputError';
}

export interface TaskHooks<P> {
  signal: AbortSignal;
  progress(progress: P): void;
}

type Tasks = {
  [K in TaskKind]: (input: TaskInput<K>, hooks: TaskHooks<TaskProgress<K>>) => Promise<TaskOutput<K>>;
};

const bench = () => import('../../../bench/index');

export const HOST_TASKS: Tasks = {
  async simulate({ scenarioText, monteCarloSamples }, { progress }) {
    const parsed = parseScenarioTextSafely(scenarioText);
    if (!parsed.ok) {
      throw new TaskInputError(parsed.errors.map((error) => formatScenarioError('scenario', error)).join('\n'));
    }
    const results = evaluateScenario(parsed.scenario);
    const { uncertain } = parsed;
    if (!uncertain || !monteCarloSamples) {
      return { scenario: parsed.scenario, results, uncertainValues: uncertain?.parameters.length ?? 0 };
    }
    // As `placewise export` studies them: the scenario's seed, MONTE_CARLO_REQUESTS per sample.
    const settings = { samples: monteCarloSamples, seed: results.seed, requests: MONTE_CARLO_REQUESTS };
    let monteCarlo: MonteCarloReport;
    try {
      monteCarlo = monteCarloInOrder(uncertain, settings, (done, total) => progress({ done, total }));
    } catch (error) {
      throw error instanceof MonteCarloDrawError ? new TaskInputError(error.message) : error;
    }
    return { scenario: parsed.scenario, results, uncertainValues: uncertain.parameters.length, monteCarlo };
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

  async benchOnDevice(request, { signal, progress }) {
    const { benchOnDevice, DeviceTimeoutError } = await import('../../../bench/on-device/index');
    try {
      const report = await benchOnDevice(request, {
        signal,
        onListening: ({ address, port, path }) => progress({ listening: { address, port, path } }),
        onConnected: () => progress({ connected: true }),
      });
      return { report };
    } catch (error) {
      if (error instanceof DeviceTimeoutError) return { timedOutS: error.timeoutS };
      throw error;
    }
  },
};

export function describeFailure(error: unknown, cancelled: boolean): TaskFailure {
  return {
    message: error instanceof Error ? error.message : String(error),
    input: error instanceof TaskInputError || error instanceof BenchInputError,
    cancelled,
  };
}
