// What importing a measurement into a scenario checks first: that the results are of the
// scenario model's own file (a measurement of another file would silently stand in for it),
// and whether the run can be trusted as a model's latency (stable, not a saturated server).
import { createHash } from 'node:crypto';
import { basename, isAbsolute, resolve } from 'node:path';
import { BenchReportError } from '../errors';
import { readRegularFileSync, UnreadableFileError } from '../files/read-regular-file';
import { BUNDLED_PREFIX, bundledModel } from '../models/bundled-models';
import { listBundledModels } from '../models/list-bundled';
import type { BenchModelSummary, BenchReport, BenchResult } from '../report/bench-report';
import { referenceResult } from './reference-result';

export interface ModelTarget {
  /** The scenario model's `file` (bundled:NAME or a path), if it names one. */
  file?: string;
  /** Where the model is in the scenario, e.g. `models[2]`. */
  path: string;
  /** The scenario file, for messages. */
  scenarioFile: string;
  /** The folder a relative `file` is in; without it a relative file cannot be read. */
  folder?: string;
}

/**
 * Refuses results whose model differs from the scenario model's file: by SHA-256 where that
 * file can be read here, else by file name. Returns a warning when only the name could be
 * compared.
 */
export function checkSameModel(
  measured: Pick<BenchModelSummary, 'file' | 'id' | 'sha256'>,
  target: ModelTarget,
): string[] {
  if (target.file === undefined) return [];
  const where = `${target.path}.file`;
  const expected = modelFileHash(target, where);
  if (expected !== undefined) {
    if (expected === measured.sha256) return [];
    throw new BenchReportError(
      target.scenarioFile,
      `${where} is ${target.file} (SHA-256 ${short(expected)}), but the results are of ${measured.file} ` +
        `(SHA-256 ${short(measured.sha256)}): a measurement of another model file cannot stand for it`,
    );
  }
  const name = target.file.startsWith(BUNDLED_PREFIX) ? target.file : basename(target.file);
  const measuredName = measured.id ? `${BUNDLED_PREFIX}${measured.id}` : fileName(measured.file);
  if (name !== measuredName) {
    throw new BenchReportError(
      target.scenarioFile,
      `${where} is ${target.file}, but the results are of ${measured.file}: a measurement of another model file cannot stand for it`,
    );
  }
  return [
    `${target.path}.file: ${target.file} is not readable here, so the results were matched by file name only, not by SHA-256`,
  ];
}

/** Reasons to doubt a run as the model's latency; the measurement is still applied. */
export function measurementWarnings(report: BenchReport): string[] {
  const warnings: string[] = [];
  const reference = referenceResult(report);
  const configuration = `threads ${reference.threads}, batch ${reference.batch}`;
  if (!reference.stable) {
    warnings.push(
      `the run was unstable (${configuration}: ${reference.unstable_reason ?? 'window medians drift'}): its median may not be typical; measure again on a quiet machine`,
    );
  }
  const unstableCalibration = report.calibration?.models.filter((model) => model.stable === false) ?? [];
  if (unstableCalibration.length > 0) {
    warnings.push(
      `the calibration was unstable (${unstableCalibration.map((model) => model.id).join(', ')}): projections to other hardware are less certain`,
    );
  }
  if (report.mode === 'server' && report.rate_qps !== undefined) {
    const saturation = saturationOf(reference, report.rate_qps);
    if (saturation) {
      warnings.push(
        `a server-mode run past saturation (${saturation}): its latencies are mostly queueing that grows with the run's length, not the model's time; measure single-stream or at a lower rate`,
      );
    }
  }
  return warnings;
}

function saturationOf(result: BenchResult, rateQps: number): string | undefined {
  if (result.utilization !== undefined) {
    return result.utilization >= 1 ? `${rateQps} queries/s at utilization ${result.utilization.toFixed(2)}` : undefined;
  }
  // Files from before utilization was recorded served every arrival, however late: a server
  // that kept up served about the offered rate, one past saturation its own, lower one. The
  // margin keeps the Poisson noise of a run's count from reading as saturation.
  const served = result.iterations / result.measure_s;
  return served < rateQps / SATURATION_MARGIN
    ? `${rateQps} queries/s offered, ${served.toFixed(1)} served per second`
    : undefined;
}

const SATURATION_MARGIN = 1.25;

function modelFileHash(target: ModelTarget, where: string): string | undefined {
  if (target.file!.startsWith(BUNDLED_PREFIX)) {
    const bundled = bundledModel(target.file!);
    return bundled && listBundledModels().find((model) => model.id === bundled.id)?.sha256;
  }
  if (!isAbsolute(target.file!) && target.folder === undefined) return undefined;
  const file = resolve(target.folder ?? '/', target.file!);
  let bytes: Buffer;
  try {
    bytes = readRegularFileSync(file, 'model');
  } catch (error) {
    // A model file that is not here (results from another device) is matched by name instead.
    if (error instanceof UnreadableFileError && error.code !== 'ENOENT')
      throw new BenchReportError(target.scenarioFile, `${where}: ${error.message}`);
    if (error instanceof UnreadableFileError) return undefined;
    throw error;
  }
  return createHash('sha256').update(bytes).digest('hex');
}

// The results may come from another operating system: either separator ends a folder.
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

const short = (sha256: string) => `${sha256.slice(0, 12)}…`;
