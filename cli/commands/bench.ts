// `placewise bench`: measure a real model with onnxruntime-node, print or save the results, and
// optionally apply them to a scenario; `placewise bench --import` applies a results file made
// earlier, here or on another device (a phone, a Raspberry Pi, a cloud box).
import { dirname } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import {
  applyBenchToScenario,
  BENCH_MODES,
  type BenchMode,
  type BenchProgress,
  type BenchReport,
  parseShapeOption,
  profileIdForReport,
  readBenchReport,
  referenceResult,
  runBenchmark,
  slowerBatchHints,
} from '../../bench';
import { writeFileAtomically } from '../../electron/host/atomic-write';
import { fixed, optionalNumber } from '../numeric-options';
import { repeatable } from '../repeatable-flag';
import { readScenarioText } from '../scenario-file';
import { benchInputAsUsage } from '../bench-input';
import { UsageError } from '../usage-error';
import { DEFAULT_DEVICE_TIMEOUT_S, MAX_DEVICE_TIMEOUT_S, type OnDeviceRequest } from '../../bench/on-device';
import { measureOnDevice } from './bench-on-device';

interface BenchOptions {
  json?: boolean;
  threads?: string;
  batch?: string;
  shape?: string[];
  warmup?: string;
  iterations?: string;
  duration?: string;
  mode?: string;
  rate?: string;
  concurrency?: string;
  latencyBoundMs?: string;
  out?: string;
  seed?: string;
  import?: string;
  into?: string;
  model?: string;
  profile?: string;
  calibrate: boolean;
  onDevice?: boolean;
  lan?: boolean;
  timeout?: string;
}

export function registerBench(program: Command, setExit: (code: number) => void): void {
  program
    .command('bench')
    .description('benchmark an ONNX model (a file or bundled:NAME) on this machine, or import a results file')
    .argument('[model]', 'an .onnx file or bundled:NAME (see `placewise models`)')
    .option('--json', 'print the results file as JSON')
    .option('--threads <list>', 'intra-op thread counts to sweep, e.g. 1,2 (default: all cores)')
    .option('--batch <list>', 'batch sizes to sweep, e.g. 1,4 (default 1); offline mode batches queries up to it')
    .option('--shape <NAME=dims>', 'concrete shape of an input, e.g. x=1,3,640,640 (repeatable)', repeatable)
    .option('--warmup <n>', 'runs after the first, before measuring (default 5)')
    .option('--iterations <n>', 'measured runs per configuration (default 50); offline mode: queries issued at once')
    .option('--duration <s>', 'measure for this many seconds instead')
    .option('--mode <mode>', `${BENCH_MODES.join(' | ')} (default single-stream)`)
    .option('--rate <qps>', 'server mode: Poisson arrivals per second')
    .option(
      '--concurrency <n>',
      'server and offline modes: runs in flight, one session each (default: all cores, sharing them)',
    )
    .option('--latency-bound-ms <ms>', 'server mode: a run whose p99 latency exceeds this is invalid')
    .option('--seed <n>', 'seed of the input data and arrivals (default 1)')
    .option(
      '--no-calibrate',
      "skip measuring the bundled calibration models (this machine's throughput, for projection)",
    )
    .option('--out <file>', 'write the results file (JSON); with --import, write the scenario there')
    .option('--import <results.json>', 'apply a results file instead of measuring')
    .option('--into <scenario>', 'apply the measurement to this scenario file (edited in place unless --out)')
    .option('--model <id>', "with --into: the scenario's model id to set latency_ms on")
    .option('--profile <id>', 'with --into: hardware profile id (default this-machine, or the slug of the host)')
    .option(
      '--on-device',
      "measure in another device's browser: serve a one-time benchmark page and wait for its result",
    )
    .option('--lan', 'with --on-device: listen on the local network, not only on 127.0.0.1')
    .option(
      '--timeout <s>',
      `with --on-device: stop waiting for the result after this many seconds (default ${DEFAULT_DEVICE_TIMEOUT_S})`,
    )
    .action((model: string | undefined, options: BenchOptions) =>
      benchInputAsUsage(() => benchCommand(model, options, setExit)),
    );
}

async function benchCommand(
  model: string | undefined,
  options: BenchOptions,
  setExit: (code: number) => void,
): Promise<void> {
  if (options.import) {
    if (model) throw new UsageError(`bench: give a model to measure or --import a results file, not both`);
    const report = readBenchReport(options.import);
    await applyToScenario(report, options, options.out);
    return;
  }
  if (!model) throw new UsageError('bench: which model? give an .onnx file or bundled:NAME (see `placewise models`)');
  if (!options.onDevice && (options.lan || options.timeout !== undefined)) {
    throw new UsageError(`bench: --${options.lan ? 'lan' : 'timeout'} needs --on-device`);
  }
  if (options.into && !options.model) {
    throw new UsageError('bench: --into needs --model ID (the scenario model to update)');
  }
  // Fail on an unreadable scenario before measuring, not after.
  if (options.into) readScenarioText(options.into);
  const report = options.onDevice
    ? await measureOnDevice(onDeviceRequest(model, options))
    : await measure(model, options);
  // The device sent no result (the reason is printed): nothing to write or apply.
  if (!report) return setExit(1);
  if (options.out) await writeOutput(options.out, `${JSON.stringify(report, null, 2)}\n`);
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printReport(report);
  if (options.into) await applyToScenario(report, options, undefined);
}

// A browser chooses its own threads and runs one stream: the sweeps and modes are this machine's.
const NOT_ON_DEVICE = ['threads', 'batch', 'mode', 'rate', 'concurrency', 'latencyBoundMs'] as const;

function onDeviceRequest(model: string, options: BenchOptions): OnDeviceRequest {
  const given = NOT_ON_DEVICE.find((option) => options[option] !== undefined);
  if (given)
    throw new UsageError(
      `bench --on-device: --${given === 'latencyBoundMs' ? 'latency-bound-ms' : given} applies to this machine only (the device runs one stream)`,
    );
  const timeoutS = optionalNumber('--timeout', options.timeout);
  if (timeoutS !== undefined && !(timeoutS > 0))
    throw new UsageError(`--timeout: '${options.timeout}' is not a positive number of seconds`);
  // Node's timers hold at most 2^31 - 1 ms (about 24.8 days): a longer one would fire at once.
  if (timeoutS !== undefined && timeoutS > MAX_DEVICE_TIMEOUT_S)
    throw new UsageError(`--timeout: at most ${MAX_DEVICE_TIMEOUT_S} s (a day)`);
  return {
    model,
    shapes: options.shape ? Object.fromEntries(options.shape.map(parseShapeOption)) : undefined,
    warmup: optionalNumber('--warmup', options.warmup),
    iterations: optionalNumber('--iterations', options.iterations),
    durationS: optionalNumber('--duration', options.duration),
    seed: optionalNumber('--seed', options.seed),
    lan: options.lan ?? false,
    timeoutS,
  };
}

async function measure(model: string, options: BenchOptions): Promise<BenchReport> {
  const showProgress = process.stderr.isTTY && !options.json;
  try {
    return await runBenchmark(
      {
        model,
        threads: options.threads === undefined ? undefined : numberList('--threads', options.threads),
        batch: options.batch === undefined ? undefined : numberList('--batch', options.batch),
        shapes: options.shape ? Object.fromEntries(options.shape.map(parseShapeOption)) : undefined,
        warmup: optionalNumber('--warmup', options.warmup),
        iterations: optionalNumber('--iterations', options.iterations),
        durationS: optionalNumber('--duration', options.duration),
        mode: options.mode as BenchMode | undefined,
        rateQps: optionalNumber('--rate', options.rate),
        concurrency: optionalNumber('--concurrency', options.concurrency),
        latencyBoundMs: optionalNumber('--latency-bound-ms', options.latencyBoundMs),
        seed: optionalNumber('--seed', options.seed),
        calibrate: options.calibrate,
      },
      { onProgress: showProgress ? drawProgress : undefined },
    );
  } finally {
    if (showProgress) process.stderr.write('\r\x1b[K');
  }
}

async function applyToScenario(report: BenchReport, options: BenchOptions, out: string | undefined): Promise<void> {
  if (!options.into || !options.model) {
    throw new UsageError('bench --import: give --into SCENARIO and --model ID (the scenario model to update)');
  }
  const text = readScenarioText(options.into);
  const profileId = options.profile ?? profileIdForReport(report);
  const applied = applyBenchToScenario(text, report, options.model, {
    scenarioFile: options.into,
    profileId,
    modelFolder: dirname(options.into),
    resultsFile: options.import,
  });
  const target = out ?? options.into;
  await writeOutput(target, applied.text);
  const reference = referenceResult(report);
  process.stderr.write(
    `${target}: model '${options.model}' latency_ms p50 ${reference.latency_ms.p50} ms, p95 ${reference.latency_ms.p95} ms on hardware '${profileId}'\n`,
  );
  for (const warning of applied.warnings) process.stderr.write(`${pc.yellow('warning')}: ${warning}\n`);
}

async function writeOutput(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomically(file, text);
  } catch (error) {
    throw new UsageError(`${file}: cannot write: ${(error as Error).message}`);
  }
}

function drawProgress(progress: BenchProgress): void {
  const percent = Math.round(progress.fraction * 100);
  const { calibration } = progress;
  const what = calibration
    ? `calibrating this machine: ${calibration.model} (${progress.done + 1}/${progress.total}, threads ${progress.threads}) ${calibration.phase}`
    : `config ${progress.configuration + 1}/${progress.configurations} (threads ${progress.threads}, batch ${progress.batch}) ${progress.phase} ${progress.done}/${progress.total}`;
  process.stderr.write(`\r\x1b[K${percent}% ${what}`);
}

function printReport(report: BenchReport): void {
  const model = report.model;
  const gflop = (model.flops.total / 1e9).toFixed(3);
  const shape = Object.entries(model.flops_shape)
    .map(([name, dims]) => `${name}=[${dims.join(',')}]`)
    .join(' ');
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `${pc.bold(model.id ?? model.file)}  ${model.size_mb} MB, ${(model.params / 1e6).toFixed(2)}M params, ${gflop} GFLOP at ${shape}`,
  );
  if (model.uncounted_ops.length > 0) out(pc.yellow(`  FLOPs not counted for: ${model.uncounted_ops.join(', ')}`));
  out(
    `  ${report.host.cpu}, ${report.host.cores} cores, ${report.host.os}, node ${report.host.node}, onnxruntime ${report.host.onnxruntime}`,
  );
  const bound = report.latency_bound_ms === undefined ? '' : `, p99 bound ${report.latency_bound_ms} ms`;
  const lanes = report.results[0]?.concurrency;
  const inFlight = lanes === undefined ? '' : `, ${lanes} ${lanes === 1 ? 'lane' : 'lanes'}`;
  out(
    `  mode ${report.mode}${report.rate_qps ? ` at ${report.rate_qps} QPS${bound}` : ''}${inFlight}, seed ${report.seed}`,
  );
  if (report.calibration) {
    const models = report.calibration.models.map((entry) => entry.id).join(', ');
    out(`  this machine: ${fixed(report.calibration.gflops)} GFLOPS effective (calibrated on ${models})`);
  }
  out('');
  const header = [
    'threads',
    'batch',
    'load ms',
    'first ms',
    'runs',
    'p50',
    'p90',
    'p95',
    'p99',
    'mean',
    'sd',
    report.mode === 'offline' ? 'samples/s' : 'inputs/s',
    'peak MB',
    '',
  ];
  const rows = report.results.map((result) => [
    String(result.threads),
    String(result.batch),
    fixed(result.load_ms),
    fixed(result.first_run_ms),
    String(result.iterations),
    fixed(result.latency_ms.p50),
    fixed(result.latency_ms.p90),
    fixed(result.latency_ms.p95),
    fixed(result.latency_ms.p99),
    fixed(result.latency_ms.mean),
    fixed(result.latency_ms.sd),
    fixed(result.throughput_ips),
    fixed(result.peak_rss_mb),
    [result.valid === false ? pc.red('INVALID') : '', result.stable ? '' : pc.yellow('unstable')]
      .filter(Boolean)
      .join(' '),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column])).join('  ');
  out(pc.dim(line(header)));
  for (const row of rows) out(line(row));
  for (const result of report.results.filter((r) => !r.stable)) {
    out(pc.yellow(`  threads ${result.threads}, batch ${result.batch}: unstable: ${result.unstable_reason}`));
  }
  for (const result of report.results.filter((r) => r.utilization !== undefined && r.utilization >= 1)) {
    const unserved = result.unserved
      ? `; ${result.unserved} queries still waiting at the deadline were not served`
      : '';
    out(
      pc.yellow(
        `  threads ${result.threads}, batch ${result.batch}: past saturation (utilization ${fixed(result.utilization!)}): latencies are mostly queueing${unserved}`,
      ),
    );
  }
  for (const result of report.results) {
    const where = `  threads ${result.threads}, batch ${result.batch}`;
    if (result.valid === false) out(pc.red(`${where}: invalid run: ${result.invalid_reason}`));
    else if (result.achieved_rate_qps !== undefined)
      out(
        `${where}: valid, ${fixed(result.achieved_rate_qps)} queries/s achieved with ${result.concurrency} in flight`,
      );
    if (result.batching_note) out(pc.yellow(`${where}: ${result.batching_note}`));
  }
  for (const hint of slowerBatchHints(report)) out(pc.yellow(`  ${hint}`));
  const overheads = report.results.flatMap((result) => (result.overhead_ms === undefined ? [] : [result.overhead_ms]));
  if (overheads.length > 0)
    out(pc.dim(`  onnxruntime per-call overhead ${overheads.map(fixed).join(', ')} ms (a trivial model; not compute)`));
  out(pc.dim('  latencies in ms per run (a run processes one batch)'));
}

function numberList(option: string, text: string): number[] {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value <= 0)) {
    throw new UsageError(`${option}: '${text}' is not a list of positive integers (e.g. 1,2,4)`);
  }
  return values;
}
