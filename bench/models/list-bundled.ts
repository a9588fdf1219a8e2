// The bundled models with their static facts, for `placewise models` and the app's model picker.
import { loadModel } from '../inspect/model-facts';
import type { TensorSignature } from '../onnx/tensor-signature';
import { BUNDLED_MODELS, BUNDLED_PREFIX } from './bundled-models';

export interface BundledModelInfo {
  id: string;
  /** What to pass to bench or to put in a scenario's models[].file, e.g. bundled:paddleocr-det. */
  reference: string;
  label: string;
  package: string;
  file: string;
  size_mb: number;
  params: number;
  sha256: string;
  inputs: TensorSignature[];
  outputs: TensorSignature[];
  /** The shapes a benchmark uses unless told otherwise. */
  default_shapes: Record<string, number[]>;
  source: string;
}

let cache: BundledModelInfo[] | undefined;

/** Reads each bundled file once per process (about 20 MB of protobuf in all). */
export function listBundledModels(): BundledModelInfo[] {
  cache ??= BUNDLED_MODELS.map((bundled) => {
    const { facts } = loadModel(bundled.id);
    return {
      id: bundled.id,
      reference: `${BUNDLED_PREFIX}${bundled.id}`,
      label: bundled.label,
      package: bundled.packageName,
      file: facts.file,
      size_mb: facts.size_mb,
      params: facts.params,
      sha256: facts.sha256,
      inputs: facts.inputs,
      outputs: facts.outputs,
      default_shapes: Object.fromEntries(
        Object.entries(bundled.defaultShapes).map(([name, dims]) => [name, [...dims]]),
      ),
      source: bundled.source,
    };
  });
  return cache;
}
