// The inputs and outputs a graph declares, with dynamic dimensions kept as their names.
import { ELEMENT_TYPES, type GraphProto, int64ToNumber, type ValueInfoProto } from './onnx-schema';

/** A dimension: a fixed size, or the name of a dynamic one ('?' when the model leaves it unnamed). */
export type Dimension = number | string;

export interface TensorSignature {
  name: string;
  type: string;
  shape: Dimension[];
}

export function graphInputs(graph: GraphProto): TensorSignature[] {
  // Before IR version 4, initializers were also listed as graph inputs; they are weights, not inputs.
  const weights = new Set((graph.initializer ?? []).map((tensor) => tensor.name));
  return (graph.input ?? []).filter((value) => !weights.has(value.name ?? '')).map(signatureOf);
}

export function graphOutputs(graph: GraphProto): TensorSignature[] {
  return (graph.output ?? []).map(signatureOf);
}

function signatureOf(value: ValueInfoProto): TensorSignature {
  const tensorType = value.type?.tensorType;
  const dims = tensorType?.shape?.dim ?? [];
  return {
    name: value.name ?? '',
    type: ELEMENT_TYPES[tensorType?.elemType ?? 0] ?? 'unknown',
    shape: dims.map((dim) => (dim.dimParam ? dim.dimParam : dim.dimValue != null ? int64ToNumber(dim.dimValue) : '?')),
  };
}

export function openDimensions(shape: readonly Dimension[]): string[] {
  return shape.filter((dim): dim is string => typeof dim === 'string');
}
