// Inspection of a model at a concrete input shape: the static facts plus FLOPs per operator,
// from one profiled run in a child process (the run gives the real shape of every node).
import { InputShapeError } from '../errors';
import { inputPlans } from '../inputs/input-plans';
import { asInputError } from '../runner/child-failure';
import { runInChild } from '../runner/child-process';
import type { ProfiledNode } from '../runner/protocol';
import { countFlops, type FlopCount } from './count-flops';
import { type LoadedModel, loadModel, type ModelFacts } from './model-facts';
import { type InputShapes, isOpenDimension, resolveInputShapes } from './resolve-shapes';

export interface ModelInspection extends ModelFacts {
  /** The input shapes FLOPs were counted at; null when dynamic dimensions were left open. */
  shape: InputShapes | null;
  /** FLOPs at `shape` (a multiply-add is 2); null when no concrete shape was available. */
  flops: FlopCount | null;
  /** Operators that ran but that no formula covers. */
  uncounted_ops: string[];
  /** What is left open when `shape` is null (e.g. "input 'x': p2o.DynamicDimension.1 (axis 2)"). */
  open_dimensions: string[];
}

/**
 * Inspects a model file or bundled model. With no `shapes`, a bundled model is counted at its
 * default shapes and any other model at its declared shapes when they are all fixed; otherwise
 * the inspection still lists inputs and parameters and says which dimensions to give.
 */
export async function inspectModel(
  fileOrBundledId: string,
  shapes?: Record<string, number[]>,
  hooks: { signal?: AbortSignal } = {},
): Promise<ModelInspection> {
  const loaded = loadModel(fileOrBundledId);
  let resolved: InputShapes;
  try {
    resolved = resolveInputShapes(loaded.facts.file, loaded.facts.inputs, {
      defaults: loaded.bundled?.defaultShapes,
      overrides: shapes,
    });
  } catch (error) {
    if (shapes !== undefined || !(error instanceof InputShapeError)) throw error;
    return { ...loaded.facts, shape: null, flops: null, uncounted_ops: [], open_dimensions: openDimensionList(loaded) };
  }
  const nodes = await profileShapes(loaded, resolved, hooks.signal);
  const tally = countFlops(loaded.model, nodes);
  return {
    ...loaded.facts,
    shape: resolved,
    flops: tally.flops,
    uncounted_ops: tally.uncounted_ops,
    open_dimensions: [],
  };
}

function openDimensionList(loaded: LoadedModel): string[] {
  return loaded.facts.inputs.flatMap((input) =>
    input.shape.flatMap((dim, axis) => (isOpenDimension(dim) ? [`input '${input.name}': ${dim} (axis ${axis})`] : [])),
  );
}

// Shapes do not depend on the thread count or the input values: one thread and seed 1 suffice.
async function profileShapes(loaded: LoadedModel, shapes: InputShapes, signal?: AbortSignal): Promise<ProfiledNode[]> {
  const report = await runInChild(
    {
      modelFile: loaded.facts.file,
      inputs: inputPlans(loaded, shapes),
      recurrent: { ...loaded.bundled?.recurrent },
      threads: 1,
      batch: 1,
      mode: 'single-stream',
      warmup: 0,
      iterations: 0,
      seed: 1,
      measure: false,
      profile: true,
    },
    { signal },
  ).catch((error: unknown) => {
    throw asInputError(loaded.facts.file, shapes, error);
  });
  return report.nodes ?? [];
}
