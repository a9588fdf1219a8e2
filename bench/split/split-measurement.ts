// A measured model, ready to be split: for each offered cut, the tensors that cross it with
// their sizes at the run's shape, and the share of the model's time spent before it. Assembled
// from onnxruntime's profiler (graph optimisations off, so every kernel is a node of the file):
// the first profiled run gives each node's output shapes and types, the later runs each node's
// kernel time.
import { nodeLookup } from '../inspect/count-flops';
import type { InputShapes } from '../inspect/resolve-shapes';
import {
  ELEMENT_TYPES,
  type GraphProto,
  int64ToNumber,
  type ModelProto,
  type NodeProto,
  type TensorProto,
} from '../onnx/onnx-schema';
import type { TensorSignature } from '../onnx/tensor-signature';
import type { ProfiledNode } from '../runner/protocol';
import { graphCuts, MAX_CROSSING_TENSORS, nodeInputs } from './graph-cuts';

export interface CrossingTensor {
  name: string;
  type: string;
  shape: number[];
  bytes: number;
}

export interface MeasuredCut {
  /** Compute nodes in the head: 0 is all on the server, the last position all on the device. */
  position: number;
  /** The head's last node; null at position 0. */
  after: { name: string; op: string } | null;
  crossing: CrossingTensor[];
  /** Bytes of all crossing tensors together. */
  bytes: number;
  /** The share of the model's measured time spent in the head, 0..1. */
  head_share: number;
  /** Bytes of the weights each half reads (a weight both read is in both). */
  weight_bytes: { head: number; tail: number };
}

export interface ProfiledCuts {
  /** Compute nodes of the graph (Constant nodes are weights). */
  nodes: number;
  /** The offered cuts (graph-cuts.ts), in order of position. */
  cuts: MeasuredCut[];
  /** Cuts left out because a crossing tensor's size is unknown (a string tensor). */
  unsized: number;
  /** Bytes of all the model's weights. */
  weight_bytes: number;
}

/** Bytes per element, by onnxruntime's profiler names and by the model file's (tensor-signature.ts). */
const ELEMENT_BYTES: Readonly<Record<string, number>> = {
  float: 4,
  float32: 4,
  double: 8,
  float64: 8,
  float16: 2,
  bfloat16: 2,
  int8: 1,
  uint8: 1,
  bool: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  uint32: 4,
  int64: 8,
  uint64: 8,
};

export function tensorBytes(type: string, shape: readonly number[]): number | null {
  const size = ELEMENT_BYTES[type];
  return size === undefined ? null : shape.reduce((product, dim) => product * dim, size);
}

export function profiledCuts(
  model: ModelProto,
  inputs: readonly TensorSignature[],
  shapes: InputShapes,
  shapeRun: readonly ProfiledNode[],
  timedRuns: readonly (readonly ProfiledNode[])[],
): ProfiledCuts {
  const graph = model.graph ?? {};
  const { nodes, cuts } = graphCuts(graph);
  const lookup = nodeLookup(graph);
  const tensors = new Map<string, { type: string; shape: number[] }>();
  for (const input of inputs)
    if (shapes[input.name]) tensors.set(input.name, { type: input.type, shape: shapes[input.name] });
  for (const profiled of shapeRun) {
    const source = lookup(profiled);
    (source?.output ?? []).forEach((name, index) => {
      if (name && profiled.outputs[index]) {
        tensors.set(name, { type: profiled.outputTypes[index] ?? 'unknown', shape: profiled.outputs[index] });
      }
    });
  }
  const times = nodeTimes(nodes, lookup, timedRuns);
  const total = times.reduce((sum, time) => sum + time, 0);
  const headTime = [0];
  for (const time of times) headTime.push(headTime[headTime.length - 1] + time);
  const weights = weightUse(graph, nodes);
  const offered: MeasuredCut[] = [];
  let unsized = 0;
  for (const cut of cuts) {
    const last = cut.position === 0 || cut.position === nodes.length;
    if (!last && cut.crossing.length > MAX_CROSSING_TENSORS) continue;
    const crossing = cut.crossing.map((name) => {
      const tensor = tensors.get(name);
      return {
        name,
        type: tensor?.type ?? 'unknown',
        shape: tensor?.shape ?? [],
        bytes: tensor ? tensorBytes(tensor.type, tensor.shape) : null,
      };
    });
    if (crossing.some((tensor) => tensor.bytes === null)) {
      unsized++;
      continue;
    }
    const head = nodes[cut.position - 1];
    offered.push({
      position: cut.position,
      after: head ? { name: head.name ?? '', op: head.opType ?? '' } : null,
      crossing: crossing as CrossingTensor[],
      bytes: crossing.reduce((sum, tensor) => sum + tensor.bytes!, 0),
      head_share: total > 0 ? headTime[cut.position] / total : cut.position / nodes.length,
      weight_bytes: weights.split(cut.position),
    });
  }
  return { nodes: nodes.length, cuts: offered, unsized, weight_bytes: weights.total };
}

/**
 * The weights (initializers and Constant tensors) each half of a cut reads: a weight whose first
 * reader is in the head ships with the head, one whose last reader is in the tail with the tail.
 */
function weightUse(graph: GraphProto, nodes: readonly NodeProto[]) {
  const sizes = new Map<string, number>();
  const add = (tensor: TensorProto | null | undefined) => {
    const bytes = tensor
      ? tensorBytes(ELEMENT_TYPES[tensor.dataType ?? 0] ?? '', (tensor.dims ?? []).map(int64ToNumber))
      : null;
    if (tensor?.name && bytes !== null) sizes.set(tensor.name, bytes);
  };
  for (const tensor of graph.initializer ?? []) add(tensor);
  for (const node of graph.node ?? []) {
    if (node.opType === 'Constant')
      add({ ...node.attribute?.find((attribute) => attribute.t)?.t, name: node.output?.[0] });
  }
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  nodes.forEach((node, index) => {
    for (const name of nodeInputs(node)) {
      if (!sizes.has(name)) continue;
      if (!first.has(name)) first.set(name, index);
      last.set(name, index);
    }
  });
  let total = 0;
  for (const bytes of sizes.values()) total += bytes;
  return {
    total,
    split(position: number) {
      let head = 0;
      let tail = 0;
      for (const [name, bytes] of sizes) {
        if ((first.get(name) ?? Infinity) < position) head += bytes;
        if ((last.get(name) ?? -1) >= position) tail += bytes;
      }
      return { head, tail };
    },
  };
}

/**
 * Each compute node's kernel time, the median over the timed runs (robust to a run disturbed by
 * the rest of the machine). A control-flow node's own kernel time includes its subgraph's, so
 * only main-graph nodes count; nodes that never ran take no time.
 */
function nodeTimes(
  nodes: readonly NodeProto[],
  lookup: (node: ProfiledNode) => NodeProto | undefined,
  timedRuns: readonly (readonly ProfiledNode[])[],
): number[] {
  const index = new Map(nodes.map((node, at) => [node, at]));
  const perRun = timedRuns.map((run) => {
    const times = new Array<number>(nodes.length).fill(0);
    for (const profiled of run) {
      const at = index.get(lookup(profiled)!);
      if (at !== undefined) times[at] += profiled.kernelUs;
    }
    return times;
  });
  return nodes.map((_, at) => median(perRun.map((times) => times[at])));
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
