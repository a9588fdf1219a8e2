// Builds small ONNX models inside the tests with protobufjs and ONNX's schema, so that FLOP
// formulas and parameter counts are pinned on graphs whose every number is known (no .onnx file
// is committed).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AttributeProto,
  type GraphProto,
  type NodeProto,
  onnx,
  type TensorProto,
  type ValueInfoProto,
} from '../../../bench/onnx/onnx-schema';

const FLOAT = 1;
const INT64 = 7;
const AttributeType = onnx.AttributeProto.AttributeType;

export type AttributeValue = number | number[] | string | GraphProto;

export function attribute(name: string, value: AttributeValue): AttributeProto {
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? { name, type: AttributeType.INT, i: value }
      : { name, type: AttributeType.FLOAT, f: value };
  }
  if (typeof value === 'string') return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  return { name, type: AttributeType.GRAPH, g: value };
}

export function node(
  opType: string,
  inputs: string[],
  outputs: string[],
  attributes: Record<string, AttributeValue> = {},
  name = outputs[0],
): NodeProto {
  return {
    opType,
    input: inputs,
    output: outputs,
    name,
    attribute: Object.entries(attributes).map(([key, value]) => attribute(key, value)),
  };
}

/** A float tensor of the given dims with seeded-looking but fixed values (0.01, 0.02, ...). */
export function weight(name: string, dims: number[]): TensorProto {
  const count = dims.reduce((product, dim) => product * dim, 1);
  return {
    name,
    dims,
    dataType: FLOAT,
    floatData: Array.from({ length: count }, (_, i) => ((i % 7) - 3) * 0.01),
  };
}

export function int64Tensor(name: string, values: number[], dims = [values.length]): TensorProto {
  return { name, dims, dataType: INT64, int64Data: values };
}

export function valueInfo(name: string, shape?: (number | string)[], elemType = FLOAT): ValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        ...(shape
          ? { shape: { dim: shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } }
          : {}),
      },
    },
  };
}

export interface GraphSpec {
  nodes: NodeProto[];
  inputs: ValueInfoProto[];
  outputs: ValueInfoProto[];
  initializers?: TensorProto[];
}

export function graph(spec: GraphSpec, name = 'test'): GraphProto {
  return { name, node: spec.nodes, input: spec.inputs, output: spec.outputs, initializer: spec.initializers ?? [] };
}

export function modelBytes(spec: GraphSpec, opset = 17): Uint8Array {
  const model = onnx.ModelProto.fromObject({
    irVersion: 8,
    producerName: 'placewise-tests',
    opsetImport: [{ domain: '', version: opset }],
    graph: graph(spec),
  });
  return onnx.ModelProto.encode(model).finish();
}

const directory = mkdtempSync(join(tmpdir(), 'placewise-onnx-'));

/** Writes the model to a temporary file and returns its path. */
export function writeModel(fileName: string, spec: GraphSpec, opset = 17): string {
  const file = join(directory, fileName);
  writeFileSync(file, modelBytes(spec, opset));
  return file;
}

export function writeBytes(fileName: string, bytes: Uint8Array | string): string {
  const file = join(directory, fileName);
  writeFileSync(file, bytes);
  return file;
}
