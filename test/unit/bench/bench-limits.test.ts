// The bounds of a benchmark (bench/limits.ts): each absurd input is refused before any process
// starts, by `placewise bench` with exit 2 and a message naming the limit, and by the app's
// startBenchmark with the same message, from the same check.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { main } from '../../../cli/main';
import { invokeApi } from '../../../electron/api/arguments';
import { API_METHODS, type PlacewiseApi } from '../../../electron/api/contract';
import { node, valueInfo, writeModel } from './onnx-builder';

let stderr = '';
beforeEach(() => {
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A one-node model (Relu) whose input and output have the given shape. */
function reluModel(fileName: string, shape: (number | string)[]): string {
  return writeModel(fileName, {
    nodes: [node('Relu', ['x'], ['y'])],
    inputs: [valueInfo('x', shape)],
    outputs: [valueInfo('y', shape)],
  });
}

async function refused(args: string[]): Promise<string> {
  const code = await main(['bench', ...args, '--no-calibrate']);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(code).toBe(2);
  return stderr;
}

describe('placewise bench refuses inputs beyond its limits, with exit 2 and the limit named', () => {
  test('threads and batch sizes, and the number of each in a sweep', async () => {
    expect(await refused(['bundled:paddleocr-cls', '--threads', '100000'])).toBe(
      'placewise: bundled:paddleocr-cls: --threads 100,000 is over the limit of 256\n',
    );
    expect(await refused(['bundled:paddleocr-cls', '--batch', '100000'])).toContain(
      '--batch 100,000 is over the limit of 1,024',
    );
    const seventeen = Array.from({ length: 17 }, (_, index) => index + 1).join(',');
    expect(await refused(['bundled:paddleocr-cls', '--threads', seventeen])).toContain(
      '--threads lists 17 values; the limit is 16 per run',
    );
  });

  test('iterations, warm-up and duration', async () => {
    expect(await refused(['bundled:silero-vad', '--iterations', '1000000'])).toContain(
      '--iterations 1,000,000 is over the limit of 100,000',
    );
    expect(await refused(['bundled:silero-vad', '--warmup', '5000'])).toContain(
      '--warmup 5,000 is over the limit of 1,000',
    );
    expect(await refused(['bundled:silero-vad', '--duration', '86400'])).toContain(
      '--duration 86,400 s is over the limit of 3,600 s',
    );
  });

  test('a server-mode rate that would never finish, or never start, or that no clock can keep', async () => {
    expect(await refused(['bundled:paddleocr-cls', '--mode', 'server', '--rate', '1e-9'])).toContain(
      '--rate 1.00e-9 QPS: 50 queries arrive over about 5.00e+10 s; the limit is 3,600 s (raise --rate or lower --iterations)',
    );
    expect(await refused(['bundled:paddleocr-cls', '--mode', 'server', '--rate', '0.5', '--duration', '2'])).toContain(
      '--rate 0.5 QPS for --duration 2 s expects 1 query; the least is 10',
    );
    expect(await refused(['bundled:paddleocr-cls', '--mode', 'server', '--rate', '1e9'])).toContain(
      '--rate 1.00e+9 QPS is over the limit of 100,000 QPS',
    );
  });

  test('concurrency (server and offline modes) and latency bound (server mode), and either elsewhere', async () => {
    expect(
      await refused(['bundled:paddleocr-cls', '--mode', 'server', '--rate', '10', '--concurrency', '65']),
    ).toContain('--concurrency 65 is over the limit of 64');
    expect(await refused(['bundled:paddleocr-cls', '--mode', 'offline', '--concurrency', '0'])).toContain(
      '--concurrency must be a whole number above 0, got 0',
    );
    expect(await refused(['bundled:paddleocr-cls', '--mode', 'offline', '--latency-bound-ms', '5'])).toContain(
      '--latency-bound-ms applies to --mode server only',
    );
    expect(
      await refused(['bundled:paddleocr-cls', '--mode', 'server', '--rate', '10', '--latency-bound-ms', '0']),
    ).toContain('--latency-bound-ms must be a positive number of milliseconds, got 0');
    expect(await refused(['bundled:paddleocr-cls', '--concurrency', '2'])).toContain(
      '--concurrency applies to --mode server or offline only',
    );
  });

  test('an input of more elements than the limit, from --shape or from the model itself', async () => {
    expect(await refused(['bundled:paddleocr-rec', '--shape', 'x=1,3,48,1e300'])).toMatch(
      /ch_PP-OCRv4_rec_infer\.onnx: input 'x' \[1,3,48,1\.00e\+300\] has 1\.44e\+302 elements; the limit is 33,554,432 per input \(128 MiB as float32\)\n$/,
    );
    const square = reluModel('square-20000.onnx', [20000, 20000]);
    expect(await refused([square])).toContain(
      "square-20000.onnx: input 'x' [20,000,20,000] has 400,000,000 elements; the limit is 33,554,432 per input",
    );
    const giant = reluModel('giant-dims.onnx', [1, 1e9]);
    expect(await refused([giant])).toContain('has 1.00e+9 elements; the limit is 33,554,432 per input');
    const int64 = reluModel('int64-dims.onnx', [2 ** 62]);
    expect(await refused([int64])).toContain('has 4.61e+18 elements; the limit is 33,554,432 per input');
  });

  test('negative dimensions, as some exporters write "unknown", need --shape like dynamic ones', async () => {
    const unknown = reluModel('unknown-dims.onnx', [-1, 3, -1]);
    const message = await refused([unknown]);
    expect(message).toContain('dynamic dimensions left open; give them with --shape:');
    expect(message).toContain("input 'x' [-1, 3, -1]: -1 (axis 0), -1 (axis 2); e.g. --shape x=N,3,N");
    // A given shape is checked against the limit like any other.
    expect(await refused([unknown, '--shape', 'x=1,3,100000000'])).toContain('the limit is 33,554,432 per input');
  });
});

describe("the app's startBenchmark applies the same limits before a job starts", () => {
  const host = () =>
    Object.fromEntries(
      API_METHODS.map((method) => [method, vi.fn(async () => ({ jobId: 'job-1' }))]),
    ) as unknown as PlacewiseApi;

  test('a request beyond a limit is refused with the limit named, and never reaches the host', async () => {
    const api = host();
    for (const [request, limit] of [
      [{ threads: [100000] }, '--threads 100,000 is over the limit of 256'],
      [{ batch: [2048] }, '--batch 2,048 is over the limit of 1,024'],
      [{ iterations: 1e6 }, '--iterations 1,000,000 is over the limit of 100,000'],
      [{ warmup: 1.5 }, '--warmup must be a whole number, got 1.5'],
    ] as const) {
      await expect(invokeApi(api, 'startBenchmark', [{ model: 'bundled:paddleocr-cls', ...request }])).rejects.toThrow(
        `startBenchmark: invalid arguments at argument 0: ${limit}`,
      );
    }
    expect(api.startBenchmark).not.toHaveBeenCalled();
  });

  test('a request within the limits reaches the host as it was sent', async () => {
    const api = host();
    const request = { model: 'bundled:paddleocr-cls', threads: [1, 256], batch: [1, 1024], iterations: 100_000 };
    await expect(invokeApi(api, 'startBenchmark', [request])).resolves.toEqual({ jobId: 'job-1' });
    expect(api.startBenchmark).toHaveBeenCalledWith(request);
  });
});

describe("the app's startSplit checks a split as `placewise split` does, before a job starts", () => {
  const host = () =>
    Object.fromEntries(
      API_METHODS.map((method) => [method, vi.fn(async () => ({ jobId: 'job-2' }))]),
    ) as unknown as PlacewiseApi;
  const target = { device: 'phone-midrange', server: 'aws-c7i-xlarge', link: 'lte' };

  test('an unknown profile or link, a bad rate or a limit passed is refused by name, and never reaches the host', async () => {
    const api = host();
    for (const [request, problem] of [
      [{ device: 'pager' }, "--device: unknown hardware 'pager'"],
      [{ link: 'pigeon' }, "--link: unknown link technology 'pigeon'"],
      [{ mbps: -1 }, '--mbps must be a positive number, got -1'],
      [{ iterations: 201 }, '--iterations 201 is over the limit of 200'],
      [{ threads: 1000 }, '--threads 1,000 is over the limit of 256'],
    ] as const) {
      await expect(
        invokeApi(api, 'startSplit', [{ model: 'bundled:paddleocr-det', ...target, ...request }]),
      ).rejects.toThrow(`startSplit: invalid arguments at argument 0: ${problem}`);
    }
    await expect(
      invokeApi(api, 'startSplit', [{ model: 'bundled:paddleocr-det', ...target, extra: 1 }]),
    ).rejects.toThrow('startSplit: invalid arguments');
    expect(api.startSplit).not.toHaveBeenCalled();
  });

  test('a good request reaches the host as it was sent', async () => {
    const api = host();
    const request = { model: 'bundled:paddleocr-det', ...target, mbps: 5, iterations: 200 };
    await expect(invokeApi(api, 'startSplit', [request])).resolves.toEqual({ jobId: 'job-2' });
    expect(api.startSplit).toHaveBeenCalledWith(request);
  });
});
