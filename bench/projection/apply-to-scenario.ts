// Writes a measurement into a scenario: the measuring machine as a hardware profile and the
// model's measured latency on it. The file is edited in place by the simulator's
// updateScenarioText (only the touched lines change; comments and formatting stay; JSON stays
// JSON). The result is validated as a whole scenario before it is returned.
// What is written: the profile with the machine's calibrated throughput (profile-from-report),
// after the results are checked to be of the scenario model's own file (measurement-checks).
import type { HardwareProfile } from '../../simulator/scenario/hardware-library';
import { parseScenarioText } from '../../simulator/scenario/load';
import { formatScenarioError } from '../../simulator/scenario/scenario-error';
import { isPlainObject } from '../../simulator/scenario-text/same-value';
import { readValue, updateScenarioText } from '../../simulator/scenario-text/update-text';
import { BenchReportError } from '../errors';
import type { BenchReport } from '../report/bench-report';
import { firstInvalidRun } from '../report/run-validity';
import { checkSameModel, measurementWarnings } from './measurement-checks';
import { profileFromReport, profileIdForReport } from './profile-from-report';
import { overheadWithin, referenceResult } from './reference-result';

export interface ApplyOptions {
  /** Names the scenario in error messages (default "scenario"). */
  scenarioFile?: string;
  /** The hardware profile id to write (default: profileIdForReport). */
  profileId?: string;
  /** The folder a relative `models[].file` is in (the scenario's own); without it only absolute and bundled files are read. */
  modelFolder?: string;
  /** Names the results file in error messages (default "results"). */
  resultsFile?: string;
}

export interface AppliedMeasurement {
  text: string;
  /** Reasons to doubt the measurement or how it will be projected; it is applied all the same. */
  warnings: string[];
}

interface Measurement {
  profileId: string;
  /** Absent: the scenario's profile of that id stays as it is. */
  profile?: HardwareProfile;
  latency: { p50: number; p95: number; on: string; overhead_ms?: number };
}

export function applyBenchToScenario(
  scenarioText: string,
  report: BenchReport,
  modelId: string,
  options: ApplyOptions = {},
): AppliedMeasurement {
  const file = options.scenarioFile ?? 'scenario';
  const invalid = firstInvalidRun(report);
  if (invalid) {
    throw new BenchReportError(
      options.resultsFile ?? 'results',
      `the ${report.mode}-mode run is invalid (${invalid}): an invalid run cannot stand for the model's latency; measure again at a lower --rate${report.mode === 'server' ? ' or a higher --latency-bound-ms' : ''}`,
    );
  }
  const read = readValue(scenarioText);
  if (!read || !isPlainObject(read.value)) throw new BenchReportError(file, 'not valid YAML or JSON');
  const scenario = read.value;
  const models = Array.isArray(scenario.models) ? scenario.models : [];
  const modelIds = models.map((model) => (isPlainObject(model) ? String(model.id) : ''));
  const index = modelIds.indexOf(modelId);
  if (index < 0) {
    const known = modelIds.length > 0 ? `known: ${modelIds.join(', ')}` : 'the scenario has no models';
    throw new BenchReportError(file, `models: no model '${modelId}' to apply the measurement to (${known})`);
  }
  const modelFile = (models[index] as Record<string, unknown>).file;
  const warnings = checkSameModel(report.model, {
    file: typeof modelFile === 'string' ? modelFile : undefined,
    path: `models[${index}]`,
    scenarioFile: file,
    folder: options.modelFolder,
  });
  warnings.push(...measurementWarnings(report));
  const profileId = options.profileId ?? profileIdForReport(report);
  const reference = referenceResult(report, file);
  // Without calibration the profile would be this model's own throughput: a profile already
  // there (calibrated, or the user's) is worth more, and other models may be measured on it.
  const keepProfile =
    !report.calibration && isPlainObject(scenario.hardware) && isPlainObject(scenario.hardware[profileId]);
  if (!report.calibration) {
    warnings.push(
      `the results have no calibration (measured in a browser, which cannot calibrate, or made before placewise bench calibrated the machine): ` +
        (keepProfile
          ? `hardware.${profileId} stays as it is, and projects this measurement with its gflops`
          : `hardware.${profileId} takes this model's own throughput (gflop / p50), so projecting it to other hardware follows its FLOPs, not its measured time`),
    );
  }
  const measurement: Measurement = {
    profileId,
    profile: keepProfile ? undefined : profileFromReport(report),
    latency: {
      p50: reference.latency_ms.p50,
      p95: reference.latency_ms.p95,
      on: profileId,
      ...(overheadWithin(reference) === undefined ? {} : { overhead_ms: overheadWithin(reference) }),
    },
  };
  const text = updateScenarioText(scenarioText, withMeasurement(scenario, index, measurement));
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    const errors = parsed.errors.map((error) => formatScenarioError(file, error)).join('\n');
    throw new BenchReportError(file, `the scenario is not valid with the measurement applied:\n${errors}`);
  }
  return { text, warnings };
}

/**
 * The scenario with the profile (keeping fields added to it by hand) and the model's latency.
 * A new `hardware` section goes before `components`, where the format's example has it.
 */
function withMeasurement(
  scenario: Record<string, unknown>,
  index: number,
  { profileId, profile, latency }: Measurement,
): Record<string, unknown> {
  const hardware = isPlainObject(scenario.hardware) ? scenario.hardware : {};
  const existing = isPlainObject(hardware[profileId]) ? hardware[profileId] : {};
  const updatedHardware = { ...hardware, [profileId]: { ...existing, ...profile } };
  const models = [...(scenario.models as Record<string, unknown>[])];
  models[index] = { ...models[index], latency_ms: latency };
  const entries: [string, unknown][] = Object.entries({ ...scenario, models }).filter(([key]) => key !== 'hardware');
  const at =
    'hardware' in scenario ? Object.keys(scenario).indexOf('hardware') : Object.keys(scenario).indexOf('components');
  entries.splice(at < 0 ? entries.length : at, 0, ['hardware', updatedHardware]);
  return Object.fromEntries(entries);
}
