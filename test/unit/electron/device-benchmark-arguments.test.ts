// The app's "Benchmark on another device" and the export's progress, as the host receives them
// over IPC or HTTP: every argument is checked before a server starts, with `placewise bench
// --on-device`'s own bounds, and bad input is refused with the argument and the reason named.
import { describe, expect, test, vi } from 'vitest';
import { invokeApi } from '../../../electron/api/arguments';
import { API_METHODS, type PlacewiseApi } from '../../../electron/api/contract';

const host = () =>
  Object.fromEntries(
    API_METHODS.map((method) => [method, vi.fn(async () => ({ jobId: 'job-3' }))]),
  ) as unknown as PlacewiseApi;

describe('startDeviceBenchmark', () => {
  test('bad input is refused by name and never reaches the host', async () => {
    const api = host();
    const model = 'bundled:paddleocr-cls';
    for (const [argument, problem] of [
      [{ model: '' }, 'choose a model'],
      [{ model, lan: 'yes' }, 'at argument 0.lan: Invalid input: expected boolean'],
      [{ model, timeoutS: 0 }, 'the timeout is a positive number of seconds'],
      [{ model, timeoutS: -5 }, 'the timeout is a positive number of seconds'],
      [{ model, timeoutS: 90_000 }, 'the timeout is at most 86400 s (a day)'],
      [{ model, timeoutS: '60' }, 'at argument 0.timeoutS: Invalid input: expected number'],
      [{ model, iterations: 1e6 }, '--iterations 1,000,000 is over the limit of 100,000'],
      [{ model, warmup: 1.5 }, '--warmup must be a whole number, got 1.5'],
      [{ model, port: 80 }, 'Unrecognized key: "port"'],
      ['bundled:paddleocr-cls', 'expected object'],
    ] as const) {
      await expect(invokeApi(api, 'startDeviceBenchmark', [argument]), JSON.stringify(argument)).rejects.toThrow(
        problem,
      );
    }
    await expect(invokeApi(api, 'startDeviceBenchmark', [])).rejects.toThrow('startDeviceBenchmark: invalid arguments');
    expect(api.startDeviceBenchmark).not.toHaveBeenCalled();
  });

  test('a good request reaches the host as it was sent', async () => {
    const api = host();
    const request = { model: 'bundled:paddleocr-cls', lan: true, timeoutS: 86_400, iterations: 20, warmup: 2 };
    await expect(invokeApi(api, 'startDeviceBenchmark', [request])).resolves.toEqual({ jobId: 'job-3' });
    expect(api.startDeviceBenchmark).toHaveBeenCalledWith(request);
  });
});

describe("an export's progress id", () => {
  test('is letters, digits and dashes, in exportScenario and exportProgress alike', async () => {
    const api = host();
    await expect(invokeApi(api, 'exportProgress', ['../x'])).rejects.toThrow(
      'exportProgress: invalid arguments at argument 0: not a progress id',
    );
    await expect(
      invokeApi(api, 'exportScenario', [{ scenarioText: '', format: 'md', progressId: 'a b' }]),
    ).rejects.toThrow('exportScenario: invalid arguments at argument 0.progressId: not a progress id');
    const id = '0b7c1c9e-5b1a-4a53-9d5e-2f3f0c1d2e3f';
    await invokeApi(api, 'exportProgress', [id]);
    expect(api.exportProgress).toHaveBeenCalledWith(id);
  });
});
