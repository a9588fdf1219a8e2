// Parameter count: the elements of every initializer (dense and sparse) and of every Constant
// node's tensor, in the main graph and in every subgraph (If/Loop/Scan bodies), because those are
// the weights a deployment ships whether or not a given input takes that branch.
import { type AttributeProto, type GraphProto, int64ToNumber, type NodeProto, type TensorProto } from './onnx-schema';

export function countParameters(graph: GraphProto): number {
  let total = 0;
  for (const tensor of graph.initializer ?? []) total += elementCount(tensor);
  for (const sparse of graph.sparseInitializer ?? []) total += elementCount(sparse.values ?? {});
  for (const node of graph.node ?? []) {
    if (node.opType === 'Constant' && (node.domain ?? '') === '') total += constantElements(node);
    for (const attribute of node.attribute ?? []) {
      for (const subgraph of subgraphsOf(attribute)) total += countParameters(subgraph);
    }
  }
  return total;
}

export function elementCount(tensor: TensorProto): number {
  return (tensor.dims ?? []).reduce<number>((product, dim) => product * int64ToNumber(dim), 1);
}

function constantElements(node: NodeProto): number {
  let total = 0;
  for (const attribute of node.attribute ?? []) {
    if (attribute.t) total += elementCount(attribute.t);
    else if (attribute.sparseTensor) total += elementCount(attribute.sparseTensor.values ?? {});
    else if (attribute.name === 'value_floats') total += (attribute.floats ?? []).length;
    else if (attribute.name === 'value_ints') total += (attribute.ints ?? []).length;
    else if (attribute.name === 'value_float' || attribute.name === 'value_int') total += 1;
  }
  return total;
}

export function subgraphsOf(attribute: AttributeProto): GraphProto[] {
  return [...(attribute.g ? [attribute.g] : []), ...(attribute.graphs ?? [])];
}
