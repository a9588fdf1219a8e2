// Writes a measurement into a scenario: the measuring machine as a hardware profile and the
// model's measured latency on it. YAML files are edited in place (yaml-splice: only the touched
// lines change, comments and formatting stay); JSON files are rewritten as JSON; a YAML file
// whose sections are in flow style goes through the yaml Document API, which keeps comments.
// The result is validated as a whole scenario before it is returned.
// What is written: the profile with the machine's calibrated throughput (profile-from-report),
// after the results are checked to be of the scenario model's own file (measurement-checks).
import { type Document, isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import type { HardwareProfile } from '../../simulator/scenario/hardware-library';
import { parseScenarioText } from '../../simulator/scenario/load';
import { formatScenarioError } from '../../simulator/scenario/scenario-error';
import { BenchReportError } from '../errors';
import type { BenchReport } from '../report/bench-report';
import { checkSameModel, measurementWarnings } from './measurement-checks';
import { profileFromReport, profileIdForReport } from './profile-from-report';
import { referenceResult } from './reference-result';
import {
  appendBlockEntry,
  applyEdits,
  blockEntry,
  findPair,
  setInBlockMap,
  type TextEdit,
  topLevelInsertion,
} from './yaml-splice';

export interface ApplyOptions {
  /** Names the scenario in error messages (default "scenario"). */
  scenarioFile?: string;
  /** The hardware profile id to write (default: profileIdForReport). */
  profileId?: string;
  /** The folder a relative `models[].file` is in (the scenario's own); without it only absolute and bundled files are read. */
  modelFolder?: string;
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
  latency: { p50: number; p95: number; on: string };
}

export function applyBenchToScenario(
  scenarioText: string,
  report: BenchReport,
  modelId: string,
  options: ApplyOptions = {},
): AppliedMeasurement {
  const file = options.scenarioFile ?? 'scenario';
  const document = parseDocument(scenarioText);
  if (document.errors.length > 0) {
    throw new BenchReportError(file, `not valid YAML or JSON: ${document.errors[0].message.split('\n')[0]}`);
  }
  const models = document.get('models');
  const modelIds = isSeq(models) ? models.items.map((item) => (isMap(item) ? String(item.get('id')) : '')) : [];
  const index = modelIds.indexOf(modelId);
  if (index < 0) {
    const known = modelIds.length > 0 ? `known: ${modelIds.join(', ')}` : 'the scenario has no models';
    throw new BenchReportError(file, `models: no model '${modelId}' to apply the measurement to (${known})`);
  }
  const model = (models as YAMLSeq).items[index] as YAMLMap;
  const modelFile = model.get('file');
  const warnings = checkSameModel(report, {
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
  const keepProfile = !report.calibration && isMap(document.getIn(['hardware', profileId]));
  if (!report.calibration) {
    warnings.push(
      `the results have no calibration (made before placewise bench calibrated the machine): ` +
        (keepProfile
          ? `hardware.${profileId} stays as it is, and projects this measurement with its gflops`
          : `hardware.${profileId} takes this model's own throughput (gflop / p50), so projecting it to other hardware follows its FLOPs, not its measured time`),
    );
  }
  const measurement: Measurement = {
    profileId,
    profile: keepProfile ? undefined : profileFromReport(report),
    latency: { p50: reference.latency_ms.p50, p95: reference.latency_ms.p95, on: profileId },
  };
  const text = scenarioText.trimStart().startsWith('{')
    ? applyToJson(scenarioText, index, measurement)
    : (spliceYaml(scenarioText, document, index, measurement) ?? applyThroughDocument(document, index, measurement));
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    const errors = parsed.errors.map((error) => formatScenarioError(file, error)).join('\n');
    throw new BenchReportError(file, `the scenario is not valid with the measurement applied:\n${errors}`);
  }
  return { text, warnings };
}

function spliceYaml(text: string, document: Document, index: number, measurement: Measurement): string | undefined {
  const model = (document.get('models') as { items: unknown[] }).items[index] as YAMLMap;
  const modelEdits = setInBlockMap(text, model, { latency_ms: measurement.latency });
  const hardware = document.get('hardware');
  let hardwareEdits: TextEdit[] | undefined;
  if (!measurement.profile) hardwareEdits = [];
  else if (!document.has('hardware')) {
    const at = topLevelInsertion(text, document, 'components');
    hardwareEdits = [
      { start: at, end: at, text: `hardware:\n${blockEntry(measurement.profileId, { ...measurement.profile }, 2)}` },
    ];
  } else if (isMap(hardware)) {
    const existing = findPair(hardware, measurement.profileId)?.value;
    hardwareEdits = isMap(existing)
      ? setInBlockMap(text, existing, { ...measurement.profile })
      : appendBlockEntry(text, hardware, measurement.profileId, { ...measurement.profile });
  }
  if (!modelEdits || !hardwareEdits) return undefined;
  return applyEdits(text, [...hardwareEdits, ...modelEdits]);
}

function applyThroughDocument(document: Document, index: number, measurement: Measurement): string {
  // An absent or empty (`hardware:`) section becomes a mapping.
  if (measurement.profile && !isMap(document.get('hardware'))) document.set('hardware', document.createNode({}));
  for (const [key, value] of Object.entries(measurement.profile ?? {})) {
    document.setIn(['hardware', measurement.profileId, key], value);
  }
  const latency = document.createNode(measurement.latency);
  latency.flow = true;
  document.setIn(['models', index, 'latency_ms'], latency);
  return document.toString();
}

function applyToJson(text: string, index: number, measurement: Measurement): string {
  const scenario = JSON.parse(text) as { hardware?: Record<string, unknown>; models: Record<string, unknown>[] };
  if (measurement.profile) scenario.hardware = { ...scenario.hardware, [measurement.profileId]: measurement.profile };
  scenario.models[index].latency_ms = measurement.latency;
  return `${JSON.stringify(scenario, null, 2)}\n`;
}
