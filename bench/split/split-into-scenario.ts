// Writes a cut into a scenario: one step becomes two, the head and the tail, each running its
// half of the step's model, the head's output being the tensors that cross the cut. The tail
// keeps the step's id: its output is the step's, so whatever named the step (an option's place,
// cache or fallback, a comment on its lines) goes on naming what it meant. The file is
// edited in place (simulator/scenario-text/update-text.ts: only the touched lines change,
// comments and order stay) and the result validated as a whole scenario before it is returned.
// Nothing else changes: every option places both halves where it placed the step, so each
// option's figures stay those of the whole model until an option puts the halves apart.
import { parseScenarioText } from '../../simulator/scenario/load';
import { formatScenarioError } from '../../simulator/scenario/scenario-error';
import { isPlainObject } from '../../simulator/scenario-text/same-value';
import { readValue, updateScenarioText } from '../../simulator/scenario-text/update-text';
import { BenchReportError } from '../errors';
import { checkSameModel } from '../projection/measurement-checks';
import type { SplitMeasurement } from './measure-split';
import type { MeasuredCut } from './split-measurement';

export interface SplitIntoOptions {
  /** Names the scenario in error messages (default "scenario"). */
  scenarioFile?: string;
  /** The folder a relative `models[].file` is in (the scenario's own). */
  modelFolder?: string;
}

export interface SplitScenario {
  text: string;
  warnings: string[];
  /** The ids of the two steps: the new head, and the tail (the step's own id). */
  head: string;
  tail: string;
}

type Entry = Record<string, unknown>;

export function splitStepInScenario(
  scenarioText: string,
  measured: Pick<SplitMeasurement, 'model' | 'weight_bytes'>,
  cut: Pick<MeasuredCut, 'position' | 'bytes' | 'head_share' | 'weight_bytes'>,
  stepId: string,
  options: SplitIntoOptions = {},
): SplitScenario {
  const file = options.scenarioFile ?? 'scenario';
  const refuse = (problem: string) => new BenchReportError(file, problem);
  const read = readValue(scenarioText);
  if (!read || !isPlainObject(read.value)) throw refuse('not valid YAML or JSON');
  const scenario = read.value;
  const pipeline = entries(scenario.pipeline);
  const stepIndex = pipeline.findIndex((step) => step.id === stepId);
  if (stepIndex < 0) {
    throw refuse(
      `pipeline: no step '${stepId}' to split (steps: ${pipeline.map((step) => String(step.id)).join(', ')})`,
    );
  }
  const step = pipeline[stepIndex];
  const models = entries(scenario.models);
  const modelIndex = models.findIndex((model) => model.id === step.model);
  if (typeof step.model !== 'string' || modelIndex < 0) {
    throw refuse(
      `pipeline[${stepIndex}]: step '${stepId}' runs no model of the scenario, so there is no network to split`,
    );
  }
  const model = models[modelIndex];
  const warnings = checkSameModel(measured.model, {
    file: typeof model.file === 'string' ? model.file : undefined,
    path: `models[${modelIndex}]`,
    scenarioFile: file,
    folder: options.modelFolder,
  });
  const shares = { head: cut.head_share, tail: 1 - cut.head_share };
  if (!(shares.head > 0 && shares.tail > 0)) {
    throw refuse(`cut ${cut.position} leaves one half with no work: choose a cut between the first and the last node`);
  }
  const ids = { head: `${stepId}-head`, tail: stepId };
  const modelIds = { head: `${model.id}-head`, tail: `${model.id}-tail` };
  if (pipeline.some((other) => other.id === ids.head)) throw refuse(`pipeline: a step '${ids.head}' exists already`);
  for (const id of Object.values(modelIds)) {
    if (models.some((other) => other.id === id)) throw refuse(`models: a model '${id}' exists already`);
  }
  const fallbackModel = entries(scenario.options).find((option) => {
    const fallback = isPlainObject(option.fallback) ? option.fallback[stepId] : undefined;
    return isPlainObject(fallback) && fallback.model !== undefined;
  });
  if (fallbackModel) {
    // A whole other model cannot stand in for one half of this one.
    throw refuse(
      `options: '${String(fallbackModel.id)}' falls back to another model for step '${stepId}'; a split step cannot fall back to a whole model`,
    );
  }
  const half = (which: 'head' | 'tail'): Entry => {
    const { file: _file, gflop, latency_ms, accuracy, ...rest } = model;
    const share = shares[which];
    const measuredLatency = isPlainObject(latency_ms) ? latency_ms : undefined;
    return {
      ...rest,
      id: modelIds[which],
      size_mb: halfSize(Number(model.size_mb), cut.weight_bytes[which], measured.weight_bytes),
      ...(typeof gflop === 'number' ? { gflop: round(gflop * share) } : {}),
      ...(measuredLatency ? { latency_ms: scaledLatency(measuredLatency, share) } : {}),
      // The answer comes out of the tail: its accuracy is the model's.
      ...(which === 'tail' && accuracy !== undefined ? { accuracy } : {}),
    };
  };
  const { output_kb: _output, ...headStep } = step;
  const splitPipeline = pipeline.flatMap((entry, index) =>
    index === stepIndex
      ? [
          { ...headStep, id: ids.head, model: modelIds.head, output_kb: cut.bytes / 1000 },
          { ...step, model: modelIds.tail },
        ]
      : [entry],
  );
  const splitModels = models.flatMap((entry, index) =>
    index === modelIndex ? [entry, half('head'), half('tail')] : [entry],
  );
  const splitOptions = entries(scenario.options).map((option) => ({
    ...option,
    // The head runs where the step ran, and falls back where it fell back; a cache hit answers
    // the whole step, so a cache stays with the tail.
    ...withHead(option, 'place', stepId, ids.head),
    ...withHead(option, 'fallback', stepId, ids.head),
  }));
  const text = updateScenarioText(scenarioText, {
    ...scenario,
    models: splitModels,
    pipeline: splitPipeline,
    options: splitOptions,
  });
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    const errors = parsed.errors.map((error) => formatScenarioError(file, error)).join('\n');
    throw refuse(`the scenario is not valid with the step split:\n${errors}`);
  }
  return { text, warnings, ...ids };
}

function entries(value: unknown): Entry[] {
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}

/** The option's `field` map with the step's entry given to the head too, just before the step's. */
function withHead(option: Entry, field: string, stepId: string, headId: string): Entry {
  const map = option[field];
  if (!isPlainObject(map) || !Object.hasOwn(map, stepId)) return {};
  return {
    [field]: Object.fromEntries(
      Object.entries(map).flatMap(([key, value]) =>
        (key === stepId ? [[headId, value] as const] : []).concat([[key, value] as const]),
      ),
    ),
  };
}

function scaledLatency(latency: Entry, share: number): Entry {
  return {
    ...latency,
    p50: round(Number(latency.p50) * share),
    ...(typeof latency.p95 === 'number' ? { p95: round(latency.p95 * share) } : {}),
  };
}

/**
 * The model's size in proportion to the weights the half reads; a half with no weights (a
 * normalisation before the first layer) still is a graph: a byte, as `size_mb` must be positive.
 */
function halfSize(sizeMb: number, halfBytes: number, allBytes: number): number {
  return Math.max(1e-6, round(allBytes > 0 ? (sizeMb * halfBytes) / allBytes : sizeMb));
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;
