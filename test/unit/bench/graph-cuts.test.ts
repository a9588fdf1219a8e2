// Cut points of a graph: which tensors cross each position of a topological order, pinned on
// graphs where the answer is known by hand.
import { describe, expect, it } from 'vitest';
import { graphCuts } from '../../../bench/split/graph-cuts';
import { graph, node, valueInfo } from './onnx-builder';
import { FIXTURE_CROSSING, SPLIT_FIXTURE } from './split-fixture';

describe('graphCuts', () => {
  it('gives at each position the tensors made before it and read after it; weights never cross', () => {
    const { nodes, cuts } = graphCuts(graph(SPLIT_FIXTURE));
    // The Constant node holds weights: it is no compute node and no position.
    expect(nodes.map((entry) => entry.opType)).toEqual(['Conv', 'Relu', 'MaxPool', 'Conv', 'Add', 'Cast', 'Cast']);
    expect(Object.fromEntries(cuts.map((cut) => [cut.position, cut.crossing]))).toEqual(
      Object.fromEntries(Object.entries(FIXTURE_CROSSING).map(([position, { tensors }]) => [position, tensors])),
    );
  });

  it('cuts in a topological order when the file lists a consumer before its producer', () => {
    const { nodes, cuts } = graphCuts(
      graph({
        nodes: [node('Relu', ['a'], ['b']), node('Neg', ['x'], ['a']), node('Add', ['a', 'b'], ['y'])],
        inputs: [valueInfo('x', [4])],
        outputs: [valueInfo('y', [4])],
      }),
    );
    expect(nodes.map((entry) => entry.output?.[0])).toEqual(['a', 'b', 'y']);
    expect(cuts.map((cut) => cut.crossing)).toEqual([['x'], ['a'], ['a', 'b'], []]);
  });

  it('counts the outer tensors a subgraph reads as inputs of its node', () => {
    const body = graph({
      nodes: [node('Add', ['a', 'x'], ['branch'])],
      inputs: [],
      outputs: [valueInfo('branch', [4])],
    });
    const { cuts } = graphCuts(
      graph({
        nodes: [
          node('Neg', ['x'], ['a']),
          node('ReduceMax', ['x'], ['flag']),
          node('If', ['flag'], ['y'], { then_branch: body, else_branch: body }),
        ],
        inputs: [valueInfo('x', [4])],
        outputs: [valueInfo('y', [4])],
      }),
    );
    // Before the If, x and a are still to be read by its branches.
    expect(cuts[2].crossing).toEqual(['x', 'a', 'flag']);
  });
});
