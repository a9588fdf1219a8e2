// `placewise split`: where to cut one model between a device and a server. Measures the model
// on this machine (per-operator times from onnxruntime's profiler), projects every offered cut
// onto the device, the link and the server, names the best cut for latency and for the device's
// energy, and optionally writes a cut into a scenario as two steps.
import { dirname } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import {
  type BenchProgress,
  measureSplit,
  parseShapeOption,
  projectSplit,
  type SplitAnalysis,
  type SplitMeasurement,
  type SplitRow,
  type SplitTarget,
  splitRequestProblem,
  splitStepInScenario,
  splitTargetProblem,
} from '../../bench';
import { writeFileAtomically } from '../../electron/host/atomic-write';
import { fixed, optionalNumber } from '../numeric-options';
import { repeatable } from '../repeatable-flag';
import { readScenarioText } from '../scenario-file';
import { benchInputAsUsage } from '../bench-input';
import { UsageError } from '../usage-error';

interface SplitOptions {
  device?: string;
  server?: string;
  link?: string;
  mbps?: string;
  shape?: string[];
  threads?: string;
  iterations?: string;
  seed?: string;
  calibrate: boolean;
  json?: boolean;
  into?: string;
  step?: string;
  cut?: string;
  out?: string;
}

export function registerSplit(program: Command, _setExit: (code: number) => void): void {
  program
    .command('split')
    .description('where to cut one ONNX model between a device and a server: every cut, its time, bytes and energy')
    .argument('[model]', 'an .onnx file or bundled:NAME (see `placewise models`)')
    .option('--device <hardware>', 'built-in hardware profile that runs the head, e.g. phone-midrange')
    .option('--server <hardware>', 'built-in hardware profile that runs the tail, e.g. aws-c7i-xlarge')
    .option('--link <tech>', 'link technology between them: bluetooth | wifi | lte | 5g | ethernet | wan')
    .option('--mbps <n>', "the link's rate in Mbit/s (default: the technology's)")
    .option('--shape <NAME=dims>', 'concrete shape of an input, e.g. x=1,3,640,640 (repeatable)', repeatable)
    .option('--threads <n>', 'intra-op threads on this machine (default: all cores)')
    .option('--iterations <n>', 'measured runs, and profiled runs timing each operator (default 10)')
    .option('--seed <n>', 'seed of the input data (default 1)')
    .option('--no-calibrate', "skip measuring this machine's throughput (projection then follows the model's FLOPs)")
    .option('--json', 'print the analysis as JSON')
    .option('--into <scenario>', 'write a cut into this scenario file (edited in place): --step becomes two steps')
    .option('--step <id>', "with --into: the scenario's step to split")
    .option('--out <file>', 'with --into: write the split scenario here instead of in place')
    .option('--cut <position>', 'with --into: the cut to write (default: the fastest that splits)')
    .action((model: string | undefined, options: SplitOptions) =>
      benchInputAsUsage(() => splitCommand(model, options)),
    );
}

async function splitCommand(model: string | undefined, options: SplitOptions): Promise<void> {
  if (!model) throw new UsageError('split: which model? give an .onnx file or bundled:NAME (see `placewise models`)');
  const target: Partial<SplitTarget> = {
    device: options.device,
    server: options.server,
    link: options.link as SplitTarget['link'] | undefined,
    mbps: optionalNumber('--mbps', options.mbps),
  };
  const request = {
    model,
    shapes: options.shape ? Object.fromEntries(options.shape.map(parseShapeOption)) : undefined,
    threads: optionalNumber('--threads', options.threads),
    iterations: optionalNumber('--iterations', options.iterations),
    seed: optionalNumber('--seed', options.seed),
    calibrate: options.calibrate,
  };
  const problem = splitTargetProblem(target) ?? splitRequestProblem(request);
  if (problem) throw new UsageError(`split: ${problem}`);
  if (options.into && !options.step) throw new UsageError('split: --into needs --step ID (the scenario step to split)');
  if (!options.into && (options.step || options.cut || options.out))
    throw new UsageError('split: --step, --cut and --out go with --into SCENARIO');
  const cut = optionalNumber('--cut', options.cut);
  // Fail on an unreadable scenario before measuring, not after.
  if (options.into) readScenarioText(options.into);
  const showProgress = process.stderr.isTTY && !options.json;
  let measured;
  try {
    ({ measurement: measured } = await measureSplit(request, { onProgress: showProgress ? drawProgress : undefined }));
  } finally {
    if (showProgress) process.stderr.write('\r\x1b[K');
  }
  const analysis = projectSplit(measured, target as SplitTarget);
  if (options.json) process.stdout.write(`${JSON.stringify(analysis, null, 2)}\n`);
  else printAnalysis(analysis);
  if (options.into) {
    const position = cut ?? bestSplit(analysis);
    await writeCut(
      analysis,
      measured.cuts,
      { from: options.into, to: options.out ?? options.into },
      options.step!,
      position,
    );
  }
}

async function writeCut(
  analysis: SplitAnalysis,
  cuts: SplitMeasurement['cuts'],
  file: { from: string; to: string },
  stepId: string,
  position: number,
): Promise<void> {
  const cut = cuts.find((entry) => entry.position === position);
  if (!cut) {
    throw new UsageError(
      `--cut ${position}: not an offered cut (positions: ${cuts.map((entry) => entry.position).join(', ')})`,
    );
  }
  const split = splitStepInScenario(readScenarioText(file.from), analysis, cut, stepId, {
    scenarioFile: file.from,
    modelFolder: dirname(file.from),
  });
  try {
    await writeFileAtomically(file.to, split.text);
  } catch (error) {
    throw new UsageError(`${file.to}: cannot write: ${(error as Error).message}`);
  }
  process.stderr.write(
    `${file.to}: step '${stepId}' is now '${split.head}' (output_kb ${cut.bytes / 1000}) then '${split.tail}', cut ${position}\n`,
  );
  for (const warning of split.warnings) process.stderr.write(`${pc.yellow('warning')}: ${warning}\n`);
}

/** The fastest cut that splits (all-device or all-server would leave a half with nothing to run). */
function bestSplit(analysis: SplitAnalysis): number {
  const splitting = analysis.cuts.filter(
    (row) => row.position !== analysis.all_device && row.position !== analysis.all_server,
  );
  if (splitting.length === 0)
    throw new UsageError(`split: ${analysis.model.file} offers no cut between its first and last operator`);
  return splitting.reduce((best, row) => (row.latency_ms < best.latency_ms ? row : best)).position;
}

function drawProgress(progress: BenchProgress): void {
  const percent = Math.round(progress.fraction * 100);
  const what = progress.calibration
    ? `calibrating this machine: ${progress.calibration.model} ${progress.calibration.phase}`
    : progress.phase === 'profile'
      ? 'timing each operator'
      : `${progress.phase} ${progress.done}/${progress.total}`;
  process.stderr.write(`\r\x1b[K${percent}% ${what}`);
}

function printAnalysis(analysis: SplitAnalysis): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const shape = Object.entries(analysis.shape)
    .map(([name, dims]) => `${name}=[${dims.join(',')}]`)
    .join(' ');
  out(
    `${pc.bold(analysis.model.id ?? analysis.model.file)} at ${shape}: ${analysis.nodes} operators, ${analysis.cuts.length} cuts`,
  );
  out(
    `  this machine: p50 ${fixed(analysis.p50_ms)} ms at ${analysis.threads} threads, ${fixed(analysis.machine_gflops)} GFLOPS ${analysis.calibrated ? 'calibrated' : 'from the model itself (not calibrated)'}; operator times: median of ${analysis.timed_runs} profiled runs`,
  );
  out(`  device ${analysis.device.id}: ${analysis.device.gflops} GFLOPS`);
  out(
    `  server ${analysis.server.id}: ${analysis.server.executor_gflops} GFLOPS per executor (${analysis.server.gflops} over ${analysis.server.cores} ${analysis.server.cores === 1 ? 'core' : 'cores'})`,
  );
  out(`  link ${analysis.link.tech}: ${analysis.link.mbps} Mbit/s, mean latency ${fixed(analysis.link.latency_ms)} ms`);
  out('');
  const header = [
    'cut',
    'after',
    'tensors',
    'KB',
    'device ms',
    'transfer ms',
    'server ms',
    'latency ms',
    'energy mJ',
    '',
  ];
  const rows = analysis.cuts.map((row) => [
    String(row.position),
    row.after ? `${row.after.op} ${row.after.name}` : '(input)',
    String(row.crossing.length),
    fixed(row.bytes / 1000),
    fixed(row.device_ms),
    fixed(row.transfer_ms),
    fixed(row.server_ms),
    fixed(row.latency_ms),
    row.device_energy_j === null ? '-' : millijoules(row),
    marks(analysis, row),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const last = header.length - 1;
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 1 || column === last ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ')
      .trimEnd();
  out(pc.dim(line(header)));
  for (const row of rows) out(line(row));
  out('');
  const at = (position: number) => analysis.cuts.find((row) => row.position === position)!;
  const best = at(analysis.best.latency);
  const device = at(analysis.all_device);
  const server = at(analysis.all_server);
  out(
    `best for latency: cut ${best.position}, ${fixed(best.latency_ms)} ms: ${ratio(device.latency_ms, best.latency_ms)} all-device (${fixed(device.latency_ms)} ms), ${ratio(server.latency_ms, best.latency_ms)} all-server (${fixed(server.latency_ms)} ms)`,
  );
  if (analysis.best.energy !== null) {
    const frugal = at(analysis.best.energy);
    out(
      `best for device energy: cut ${frugal.position}, ${millijoules(frugal)} mJ: all-device ${millijoules(device)} mJ, all-server ${millijoules(server)} mJ`,
    );
  }
  for (const note of analysis.notes) out(pc.yellow(`note: ${note}`));
  out(
    pc.dim(
      '  cut N: the first N operators on the device, the rest on the server; energy is above idle, compute and radio',
    ),
  );
}

const millijoules = (row: SplitRow) => fixed(row.device_energy_j! * 1000);

function marks(analysis: SplitAnalysis, row: SplitRow): string {
  const tags = [
    row.position === analysis.best.latency ? 'best latency' : '',
    row.position === analysis.best.energy ? 'best energy' : '',
    row.position === analysis.all_device ? 'all-device' : '',
    row.position === analysis.all_server ? 'all-server' : '',
  ].filter(Boolean);
  return tags.join(', ');
}

const ratio = (whole: number, best: number) =>
  best > 0 && whole > best ? `${(whole / best).toFixed(2)}x faster than` : whole === best ? 'the same as' : 'vs';
