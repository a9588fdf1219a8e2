// FLOPs of a whole model at one concrete input shape: every node onnxruntime's profiler saw
// run (subgraph bodies included, only the branch an If took) through the per-operator formulas.
import type { AttributeProto, GraphProto, ModelProto, NodeProto } from '../onnx/onnx-schema';
import { subgraphsOf } from '../onnx/parameter-count';
import type { ProfiledNode } from '../runner/protocol';
import { nodeFlops } from './flop-formulas';

export interface FlopCount {
  total: number;
  /** FLOPs per operator type, only types that do arithmetic. */
  by_op: Record<string, number>;
}

export interface FlopTally {
  flops: FlopCount;
  /** Operator types that ran but that no formula covers; their work is missing from the total. */
  uncounted_ops: string[];
}

export function countFlops(model: ModelProto, nodes: readonly ProfiledNode[]): FlopTally {
  const lookup = nodeLookup(model.graph ?? {});
  const byOp: Record<string, number> = {};
  const uncounted = new Set<string>();
  let total = 0;
  for (const node of nodes) {
    const source = lookup(node);
    const attributes = new Map<string, AttributeProto>((source?.attribute ?? []).map((a) => [a.name ?? '', a]));
    const flops = nodeFlops({ opType: node.opType, inputs: node.inputs, outputs: node.outputs, attributes });
    if (flops === null) uncounted.add(node.opType);
    else if (flops > 0) {
      byOp[node.opType] = (byOp[node.opType] ?? 0) + flops;
      total += flops;
    }
  }
  return { flops: { total, by_op: byOp }, uncounted_ops: [...uncounted].sort() };
}

// Profiled nodes carry the node's name and its index in its graph; attributes come from the
// file. Names are matched first (unique in well-formed models); an unnamed node falls back to
// the main graph's node at that index when the operator agrees.
export function nodeLookup(graph: GraphProto): (node: ProfiledNode) => NodeProto | undefined {
  const byName = new Map<string, NodeProto>();
  const visit = (g: GraphProto) => {
    for (const node of g.node ?? []) {
      if (node.name) byName.set(node.name, node);
      for (const attribute of node.attribute ?? []) for (const subgraph of subgraphsOf(attribute)) visit(subgraph);
    }
  };
  visit(graph);
  const main = graph.node ?? [];
  return (node) => {
    const named = node.name ? byName.get(node.name) : undefined;
    if (named && named.opType === node.opType) return named;
    const indexed = main[node.nodeIndex];
    return indexed?.opType === node.opType ? indexed : undefined;
  };
}
