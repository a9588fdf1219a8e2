// Where one network can be cut in two, the head on a device and the tail on a server
// (Neurosurgeon, Kang et al., ASPLOS 2017): positions in a topological order of the graph's
// nodes, and at each the tensors the head must hand to the tail. Weights (initializers and
// Constant nodes) never cross: both halves ship their own.
import type { GraphProto, NodeProto } from '../onnx/onnx-schema';
import { subgraphsOf } from '../onnx/parameter-count';

/**
 * A cut is offered when at most this many tensors cross it. Neurosurgeon cut chains between
 * layers, where one tensor crosses; residual blocks keep their input alive beside the branch
 * (two), and multi-scale detectors (an FPN neck over four backbone stages, as PaddleOCR's DB
 * detector and most detectors have) keep up to four stage outputs alive through the late
 * backbone. More than that means cutting through the middle of a block, where every
 * intermediate of the block would be shipped and the two halves' interface is no layer boundary.
 * All-server (position 0) and all-device (the last position) are always offered.
 */
export const MAX_CROSSING_TENSORS = 4;

export interface GraphCut {
  /** Compute nodes in the head: 0 is all on the server, `nodes.length` all on the device. */
  position: number;
  /** Tensors the head hands to the tail, in the order they are made. */
  crossing: string[];
}

export interface GraphCuts {
  /** The compute nodes (Constant nodes are weights) in the topological order the positions count. */
  nodes: NodeProto[];
  /** Every position from 0 to nodes.length. */
  cuts: GraphCut[];
}

export function graphCuts(graph: GraphProto): GraphCuts {
  const weights = new Set((graph.initializer ?? []).map((tensor) => tensor.name ?? ''));
  for (const node of graph.node ?? []) if (isConstant(node)) for (const name of node.output ?? []) weights.add(name);
  const inputs = (graph.input ?? []).map((value) => value.name ?? '').filter((name) => !weights.has(name));
  const nodes = topologicalOrder(
    (graph.node ?? []).filter((node) => !isConstant(node)),
    new Set([...weights, ...inputs]),
  );
  const count = nodes.length;
  // A tensor made at `made` (0 for graph inputs, i + 1 by node i) crosses every cut from `made`
  // up to its last consumer's index. A graph output is delivered with the tail's output, so one
  // made in the head crosses every cut but the last (all on the device, where nothing crosses).
  const made = new Map<string, number>(inputs.map((name) => [name, 0]));
  const lastUse = new Map<string, number>();
  nodes.forEach((node, index) => {
    for (const name of nodeInputs(node)) if (made.has(name)) lastUse.set(name, index);
    for (const name of node.output ?? []) if (name) made.set(name, index + 1);
  });
  for (const output of graph.output ?? []) {
    const name = output.name ?? '';
    if (made.has(name)) lastUse.set(name, Math.max(lastUse.get(name) ?? -1, count - 1));
  }
  const madeAt = nodes.map(() => [] as string[]);
  const live = new Set<string>();
  const cuts: GraphCut[] = [];
  for (const [name, at] of made) if (at > 0) madeAt[at - 1].push(name);
  for (let position = 0; position <= count; position++) {
    for (const name of position === 0 ? inputs : madeAt[position - 1]) if (lastUse.has(name)) live.add(name);
    for (const name of live) if (lastUse.get(name)! < position) live.delete(name);
    cuts.push({ position, crossing: [...live] });
  }
  return { nodes, cuts };
}

const isConstant = (node: NodeProto) => node.opType === 'Constant' && (node.domain ?? '') === '';

/** A node's inputs, with the outer tensors its subgraphs (If, Loop, Scan bodies) read. */
export function nodeInputs(node: NodeProto): string[] {
  const outer = (node.attribute ?? []).flatMap(subgraphsOf).flatMap(outerNames);
  return [...new Set([...(node.input ?? []), ...outer])].filter((name) => name !== '');
}

function outerNames(graph: GraphProto): string[] {
  const own = new Set([
    ...(graph.input ?? []).map((value) => value.name ?? ''),
    ...(graph.initializer ?? []).map((tensor) => tensor.name ?? ''),
    ...(graph.node ?? []).flatMap((node) => node.output ?? []),
  ]);
  return (graph.node ?? []).flatMap(nodeInputs).filter((name) => !own.has(name));
}

/**
 * The file's order when it is topological (ONNX asks exporters for one, and it is the order of
 * the layers as written), else a stable topological sort of it. `available` is what exists
 * before any node runs.
 */
function topologicalOrder(nodes: NodeProto[], available: Set<string>): NodeProto[] {
  const producer = new Map<string, number>();
  nodes.forEach((node, index) => {
    for (const name of node.output ?? []) if (name) producer.set(name, index);
  });
  const needs = nodes.map((node) =>
    nodeInputs(node)
      .filter((name) => !available.has(name) && producer.has(name))
      .map((name) => producer.get(name)!),
  );
  if (needs.every((sources, index) => sources.every((source) => source < index))) return nodes;
  const waiting = needs.map((sources) => new Set(sources).size);
  const users = nodes.map(() => [] as number[]);
  needs.forEach((sources, index) => {
    for (const source of new Set(sources)) users[source].push(index);
  });
  const ready = waiting.flatMap((count, index) => (count === 0 ? [index] : []));
  const sorted: NodeProto[] = [];
  for (let next = 0; next < ready.length; next++) {
    const index = ready[next];
    sorted.push(nodes[index]);
    for (const user of users[index]) if (--waiting[user] === 0) ready.push(user);
  }
  // A cycle leaves nodes behind; onnxruntime refuses such a model before any cut matters.
  return sorted.length === nodes.length ? sorted : nodes;
}
