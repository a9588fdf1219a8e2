// What a model file says about itself without running it: identity (hash, size), interface
// (inputs and outputs with named dynamic dimensions), weights, operator set.
import { createHash } from 'node:crypto';
import { BenchInputError } from '../errors';
import { BUNDLED_MODELS, BUNDLED_PREFIX, type BundledModel, bundledModel } from '../models/bundled-models';
import { int64ToNumber, type ModelProto } from '../onnx/onnx-schema';
import { countParameters } from '../onnx/parameter-count';
import { readModelFile } from '../onnx/read-model';
import { graphInputs, graphOutputs, type TensorSignature } from '../onnx/tensor-signature';

export interface ModelFacts {
  file: string;
  /** The bundled id (e.g. paddleocr-det) when the model is one of Placewise's. */
  id?: string;
  sha256: string;
  size_mb: number;
  params: number;
  ir_version: number;
  opsets: Record<string, number>;
  producer: string;
  inputs: TensorSignature[];
  outputs: TensorSignature[];
}

export interface LoadedModel {
  facts: ModelFacts;
  model: ModelProto;
  bundled?: BundledModel;
}

/** Resolves `bundled:NAME` (or a bare bundled id) or a file path to the model file. */
export function resolveModelReference(fileOrBundledId: string): { file: string; bundled?: BundledModel } {
  const bundled = bundledModel(fileOrBundledId);
  if (bundled) return { file: bundled.file(), bundled };
  if (fileOrBundledId.startsWith(BUNDLED_PREFIX)) {
    throw new BenchInputError(
      `${fileOrBundledId}: no such bundled model (bundled: ${BUNDLED_MODELS.map((model) => model.id).join(', ')})`,
    );
  }
  return { file: fileOrBundledId };
}

export function loadModel(fileOrBundledId: string): LoadedModel {
  const { file, bundled } = resolveModelReference(fileOrBundledId);
  const { bytes, model } = readModelFile(file);
  const graph = model.graph ?? {};
  const opsets: Record<string, number> = {};
  for (const opset of model.opsetImport ?? []) opsets[opset.domain || 'ai.onnx'] = int64ToNumber(opset.version);
  const facts: ModelFacts = {
    file,
    ...(bundled ? { id: bundled.id } : {}),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size_mb: Math.round(bytes.length / 1e3) / 1e3,
    params: countParameters(graph),
    ir_version: int64ToNumber(model.irVersion),
    opsets,
    producer: [model.producerName, model.producerVersion].filter(Boolean).join(' '),
    inputs: graphInputs(graph),
    outputs: graphOutputs(graph),
  };
  return { facts, model, bundled };
}
