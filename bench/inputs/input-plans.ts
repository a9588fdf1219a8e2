// What to feed each input of a model at given shapes: the bundled model's data kind, or seeded
// noise of the input's type.
import { BenchInputError } from '../errors';
import type { LoadedModel } from '../inspect/model-facts';
import type { InputShapes } from '../inspect/resolve-shapes';
import { defaultInputKind, type InputPlan } from './input-kinds';

export function inputPlans(loaded: LoadedModel, shapes: InputShapes): InputPlan[] {
  return loaded.facts.inputs.map((input) => {
    if (!SUPPORTED_TYPES.has(input.type)) {
      throw new BenchInputError(
        `${loaded.facts.file}: input '${input.name}' has type ${input.type}, which the benchmark cannot fill`,
      );
    }
    return {
      name: input.name,
      type: input.type,
      shape: shapes[input.name],
      fill: loaded.bundled?.inputs[input.name] ?? defaultInputKind(input.type),
    };
  });
}

// The tensor types input-data.ts can build (float16 and strings would need their own encoders).
const SUPPORTED_TYPES = new Set(['float32', 'float64', 'int64', 'int32', 'int8', 'uint8', 'bool']);
