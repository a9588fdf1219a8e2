import { describe, expect, test } from 'vitest';
import type { ApplyOptions, BenchReport, SplitAnalysis } from '../../../bench/index';
import { type BenchRunner, createBenchmarkJobs } from '../../../electron/host/benchmark-jobs';

function fakeBench(
  run: BenchRunner['run'],
  split: BenchRunner['split'] = async () => Promise.reject(new Error('no split')),
  onDevice: BenchRunner['onDevice'] = async () => Promise.reject(new Error('no device')),
) {
  const applied: [string, string, ApplyOptions | undefined][] = [];
  const runner: BenchRunner = {
    listBundledModels: async () => [{ id: 'tiny', reference: 'bundled:tiny', label: 'Tiny', size_mb: 1, params: 10 }],
    run,
    split,
    onDevice,
    readReport: async (path: string) => {
      if (path.endsWith('.json')) return { model: { file: path } } as BenchReport;
      throw new Error(`${path}: not a bench results file`);
    },
    apply: async (text: string, report: BenchReport, modelId: string, options?: ApplyOptions) => {
      applied.push([report.model.file, modelId, options]);
      if (modelId === 'missing') throw new Error(`models: no model '${modelId}'`);
      return { text: `${text}\n# measured`, warnings: modelId === 'shaky' ? ['the run was unstable'] : [] };
    },
  };
  return { runner, applied };
}

const done = (file: string) => ({ model: { file } }) as BenchReport;

async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

describe('benchmark jobs', () => {
  test('a split runs as a job: polled with the same status, done with its analysis beside the benchmark', async () => {
    let finish: (result: { report: BenchReport; split: SplitAnalysis }) => void = () => undefined;
    const requests: unknown[] = [];
    const bench = fakeBench(
      () => Promise.reject(new Error('not a benchmark')),
      (request, hooks) =>
        new Promise((resolve) => {
          requests.push(request);
          hooks.onStart();
          finish = resolve;
        }),
    );
    const jobs = createBenchmarkJobs(bench.runner);
    const request = { model: 'bundled:tiny', device: 'phone-low', server: 'laptop', link: 'wifi' };
    const { jobId } = await jobs.startSplit(request);
    expect(requests).toEqual([request]);
    await expect(jobs.status(jobId)).resolves.toEqual({ state: 'running', progress: 0, message: 'starting' });
    const split = { best: { latency: 3, energy: null } } as SplitAnalysis;
    finish({ report: done('tiny.onnx'), split });
    await settle();
    await expect(jobs.status(jobId)).resolves.toEqual({ state: 'done', report: done('tiny.onnx'), split });
  });

  test('a job reports progress, then its report, which applies to a scenario', async () => {
    let finish: (report: BenchReport) => void = () => undefined;
    const bench = fakeBench(
      (_request, hooks) =>
        new Promise((resolve) => {
          hooks.onProgress?.({
            configuration: 0,
            configurations: 2,
            threads: 1,
            batch: 1,
            phase: 'measure',
            done: 5,
            total: 10,
            fraction: 0.25,
          });
          finish = resolve;
        }),
    );
    const jobs = createBenchmarkJobs(bench.runner);
    const { jobId } = await jobs.start({ model: 'bundled:tiny' });
    await expect(jobs.status(jobId)).resolves.toEqual({
      state: 'running',
      progress: 0.25,
      message: 'measure 5/10 · 1 thread, batch 1 (1 of 2)',
    });
    finish(done('tiny.onnx'));
    await settle();
    await expect(jobs.status(jobId)).resolves.toEqual({ state: 'done', report: done('tiny.onnx') });
    await expect(jobs.apply({ scenarioText: 'placewise: 1', jobId, modelId: 'det' })).resolves.toEqual({
      ok: true,
      text: 'placewise: 1\n# measured',
      warnings: [],
    });
    await expect(jobs.apply({ scenarioText: 'placewise: 1', jobId, modelId: 'missing' })).resolves.toEqual({
      ok: false,
      message: "models: no model 'missing'",
    });
    // A saved scenario: its model files resolve beside it, and warnings come back with the text.
    await expect(
      jobs.apply({ scenarioText: 'placewise: 1', jobId, modelId: 'shaky', scenarioPath: '/work/door/door.yaml' }),
    ).resolves.toMatchObject({ ok: true, warnings: ['the run was unstable'] });
    expect(bench.applied.at(-1)).toEqual([
      'tiny.onnx',
      'shaky',
      { scenarioFile: '/work/door/door.yaml', modelFolder: '/work/door' },
    ]);
  });

  test('calibration progress names the calibration model', async () => {
    const bench = fakeBench(
      (_request, hooks) =>
        new Promise(() => {
          hooks.onProgress?.({
            configuration: 0,
            configurations: 1,
            threads: 2,
            batch: 1,
            phase: 'calibrate',
            calibration: { model: 'paddleocr-rec', phase: 'warmup' },
            done: 1,
            total: 2,
            fraction: 0.8,
          });
        }),
    );
    const jobs = createBenchmarkJobs(bench.runner);
    const { jobId } = await jobs.start({ model: 'bundled:tiny', calibrate: true });
    await expect(jobs.status(jobId)).resolves.toEqual({
      state: 'running',
      progress: 0.8,
      message: 'calibrating this machine: paddleocr-rec (2 of 2, 2 threads) · warmup',
    });
  });

  test('cancelling aborts the run and the job says cancelled', async () => {
    const jobs = createBenchmarkJobs(
      fakeBench(
        (_request, hooks) =>
          new Promise((_resolve, reject) => {
            hooks.signal?.addEventListener('abort', () => reject(new Error('benchmark cancelled')));
          }),
      ).runner,
    );
    const { jobId } = await jobs.start({ model: 'bundled:tiny' });
    await jobs.cancel(jobId);
    await settle();
    await expect(jobs.status(jobId)).resolves.toEqual({ state: 'cancelled' });
  });

  test('a failing run is reported with its message; unknown jobs are an error', async () => {
    const jobs = createBenchmarkJobs(
      fakeBench(async () => Promise.reject(new Error('/x.onnx: not an ONNX model'))).runner,
    );
    const { jobId } = await jobs.start({ model: '/x.onnx' });
    await settle();
    await expect(jobs.status(jobId)).resolves.toEqual({ state: 'failed', message: '/x.onnx: not an ONNX model' });
    await expect(jobs.status('nope')).rejects.toThrow("no benchmark job 'nope'");
    await expect(jobs.apply({ scenarioText: '', jobId, modelId: 'det' })).rejects.toThrow('has no results (failed)');
  });

  test('an imported results file becomes a finished job', async () => {
    const jobs = createBenchmarkJobs(fakeBench(async () => done('x')).runner);
    const { jobId } = await jobs.importReport('/phone/bench.json');
    await expect(jobs.status(jobId)).resolves.toEqual({ state: 'done', report: done('/phone/bench.json') });
    await expect(jobs.importReport('/phone/notes.txt')).rejects.toThrow('not a bench results file');
  });

  describe('on another device', () => {
    const listening = { address: '127.0.0.1', port: 4567, path: '/t0ken/' };
    /** A device run that tells the job what the worker would, and ends as `end` says. */
    const deviceRun =
      (
        end: (
          hooks: Parameters<BenchRunner['onDevice']>[1],
        ) => Promise<{ report: BenchReport } | { timedOutS: number }>,
      ) =>
      (_request: unknown, hooks: Parameters<BenchRunner['onDevice']>[1]) => {
        hooks.onStart();
        hooks.onEvent({ listening });
        return end(hooks);
      };

    test('the job shows the page URL, then the device, then its result', async () => {
      let connect = () => undefined as void;
      let finish: (report: BenchReport) => void = () => undefined;
      const jobs = createBenchmarkJobs(
        fakeBench(
          () => Promise.reject(new Error('not a benchmark')),
          undefined,
          deviceRun(
            (hooks) =>
              new Promise((resolve) => {
                connect = () => hooks.onEvent({ connected: true });
                finish = (report) => resolve({ report });
              }),
          ),
        ).runner,
      );
      const { jobId } = await jobs.startOnDevice({ model: 'bundled:tiny', timeoutS: 30 });
      const device = { urls: ['http://127.0.0.1:4567/t0ken/'], lan: false, connected: false, timeoutS: 30 };
      await expect(jobs.status(jobId)).resolves.toEqual({
        state: 'running',
        progress: 0,
        message: 'waiting for the device to open the page',
        device,
      });
      connect();
      await expect(jobs.status(jobId)).resolves.toMatchObject({ device: { ...device, connected: true } });
      finish(done('cls.onnx'));
      await settle();
      await expect(jobs.status(jobId)).resolves.toEqual({ state: 'done', report: done('cls.onnx') });
    });

    test('no result in time: the job says it timed out', async () => {
      const jobs = createBenchmarkJobs(
        fakeBench(
          () => Promise.reject(new Error('not a benchmark')),
          undefined,
          deviceRun(async () => ({ timedOutS: 600 })),
        ).runner,
      );
      const { jobId } = await jobs.startOnDevice({ model: 'bundled:tiny' });
      await settle();
      await expect(jobs.status(jobId)).resolves.toEqual({
        state: 'failed',
        timedOut: true,
        message: 'no result within 600 s; the benchmark server has stopped',
      });
    });

    test('a session nobody asks about any more (its window closed) is stopped; one asked about goes on', async () => {
      const stopped: string[] = [];
      const jobs = createBenchmarkJobs(
        fakeBench(
          () => Promise.reject(new Error('not a benchmark')),
          undefined,
          (request, hooks) =>
            deviceRun(
              () =>
                new Promise((_resolve, reject) => {
                  hooks.signal.addEventListener('abort', () => {
                    stopped.push(request.model);
                    reject(new Error('stopped'));
                  });
                }),
            )(request, hooks),
        ).runner,
        { deviceLeaseMs: 1000 },
      );
      const forgotten = await jobs.startOnDevice({ model: 'forgotten.onnx' });
      const watched = await jobs.startOnDevice({ model: 'watched.onnx' });
      // The app asks about one of them far more often than the lease; the other it never asks about.
      while (stopped.length === 0) {
        await jobs.status(watched.jobId);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(stopped).toEqual(['forgotten.onnx']);
      await expect(jobs.status(forgotten.jobId)).resolves.toEqual({ state: 'cancelled' });
      await expect(jobs.status(watched.jobId)).resolves.toMatchObject({ state: 'running' });
      await jobs.cancel(watched.jobId);
    });
  });
});
