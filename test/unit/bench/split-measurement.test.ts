// A measured split assembled from profiler records: crossing bytes from each node's output
// shapes and types, the head's share of time from per-node medians, the weights of each half.
import { describe, expect, it } from 'vitest';
import { MAX_CROSSING_TENSORS } from '../../../bench/split/graph-cuts';
import { profiledCuts } from '../../../bench/split/split-measurement';
import type { ProfiledNode } from '../../../bench/runner/protocol';
import { onnx } from '../../../bench/onnx/onnx-schema';
import { graph, node, valueInfo } from './onnx-builder';
import { FIXTURE_CROSSING, FIXTURE_WEIGHT_BYTES, SPLIT_FIXTURE } from './split-fixture';

const model = (spec: typeof SPLIT_FIXTURE) => onnx.ModelProto.fromObject({ irVersion: 8, graph: graph(spec) });

/** What onnxruntime's profiler records for the fixture's nodes (shapes, types), each taking `us[i]`. */
function fixtureRun(us: number[]): ProfiledNode[] {
  const quarter = [1, 4, 4, 4];
  const full = [1, 4, 8, 8];
  const outputs: [string, string, number[]][] = [
    ['a', 'Conv', full],
    ['b', 'Relu', full],
    ['c', 'MaxPool', quarter],
    ['d', 'Conv', quarter],
    ['e', 'Add', quarter],
    ['f', 'Cast', quarter],
    ['y', 'Cast', quarter],
  ];
  return outputs.map(([name, opType, shape], index) => ({
    name,
    opType,
    nodeIndex: index,
    inputs: [],
    outputs: [shape],
    outputTypes: [name === 'f' ? 'float16' : 'float'],
    kernelUs: us[index],
  }));
}

const TIMES = [40, 10, 10, 20, 10, 5, 5];
const inputs = [{ name: 'x', type: 'float32', shape: [1, 2, 8, 8] }];

describe('profiledCuts', () => {
  const measured = profiledCuts(model(SPLIT_FIXTURE), inputs, { x: [1, 2, 8, 8] }, fixtureRun(TIMES), [
    fixtureRun(TIMES),
    fixtureRun(TIMES),
    // A run disturbed by the rest of the machine: the median leaves it out.
    fixtureRun(TIMES.map((time, index) => (index === 0 ? time * 50 : time))),
  ]);

  it('sizes each crossing tensor from its shape and element type at the run', () => {
    expect(measured.nodes).toBe(7);
    expect(measured.cuts.map((cut) => [cut.position, cut.crossing.map((tensor) => tensor.name), cut.bytes])).toEqual(
      Object.entries(FIXTURE_CROSSING).map(([position, { tensors, bytes }]) => [Number(position), tensors, bytes]),
    );
    expect(measured.cuts[6].crossing[1]).toEqual({ name: 'f', type: 'float16', shape: [1, 4, 4, 4], bytes: 128 });
    expect(measured.cuts[0].after).toBeNull();
    expect(measured.cuts[3].after).toEqual({ name: 'c', op: 'MaxPool' });
  });

  it("gives each cut the head's share of the per-node median times", () => {
    // Prefix sums of 40, 10, 10, 20, 10, 5, 5 over 100 microseconds.
    expect(measured.cuts.map((cut) => cut.head_share)).toEqual([0, 0.4, 0.5, 0.6, 0.8, 0.9, 0.95, 1]);
  });

  it('counts the weights each half reads', () => {
    const { w1, w2 } = FIXTURE_WEIGHT_BYTES;
    expect(measured.weight_bytes).toBe(w1 + w2);
    expect(measured.cuts.map((cut) => cut.weight_bytes)).toEqual([
      { head: 0, tail: w1 + w2 },
      { head: w1, tail: w2 },
      { head: w1, tail: w2 },
      { head: w1, tail: w2 },
      { head: w1 + w2, tail: 0 },
      { head: w1 + w2, tail: 0 },
      { head: w1 + w2, tail: 0 },
      { head: w1 + w2, tail: 0 },
    ]);
  });

  it('offers only cuts with at most 4 crossing tensors, and always all-server and all-device', () => {
    expect(MAX_CROSSING_TENSORS).toBe(4);
    const branches = 6;
    const names = Array.from({ length: branches }, (_, index) => `a${index}`);
    const spec = {
      nodes: [...names.map((name) => node('Neg', ['x'], [name])), node('Sum', names, ['y'])],
      inputs: [valueInfo('x', [4])],
      outputs: [valueInfo('y', [4])],
    };
    const run = [...names, 'y'].map((name, index) => ({
      name,
      opType: name === 'y' ? 'Sum' : 'Neg',
      nodeIndex: index,
      inputs: [],
      outputs: [[4]],
      outputTypes: ['float'],
      kernelUs: 1,
    }));
    const cuts = profiledCuts(model(spec), [{ name: 'x', type: 'float32', shape: [4] }], { x: [4] }, run, [run]).cuts;
    // After k of the six Neg nodes, x and k branches cross (x until the last Neg has read it):
    // 2, 3, 4, 5, 6 tensors after 1..5, then the six branches, then nothing.
    expect(cuts.map((cut) => cut.position)).toEqual([0, 1, 2, 3, 7]);
  });
});
