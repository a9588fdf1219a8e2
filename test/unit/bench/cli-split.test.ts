// `placewise split` through the real command line entry (cli/main.ts), on onnxruntime-node in
// child processes: crossing bytes against a model built here whose answer is known by hand and
// against the real tensors of the bundled PaddleOCR detector, --into on a commented scenario,
// and bad input refused with exit 2 before any measuring.
import { readFileSync } from 'node:fs';
import ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { captureOutput } from '../support/captured-output';
import { onnx } from '../../../bench/onnx/onnx-schema';
import { readModelFile } from '../../../bench/onnx/read-model';
import { BUNDLED_MODELS } from '../../../bench/models/bundled-models';
import type { SplitAnalysis } from '../../../bench/split/project-split';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import { parseScenarioText } from '../../../simulator/scenario/load';
import { writeBytes, writeModel } from './onnx-builder';
import { FIXTURE_CROSSING, SPLIT_FIXTURE } from './split-fixture';

const output = captureOutput();

const fixture = writeModel('split-fixture.onnx', SPLIT_FIXTURE);
const TARGET = ['--device', 'phone-midrange', '--server', 'aws-c7i-xlarge', '--link', 'wifi'];
// Bytes do not depend on how long the runs take: few runs, no calibration.
const QUICK = ['--iterations', '2', '--threads', '1', '--no-calibrate'];

async function splitJson(model: string): Promise<SplitAnalysis> {
  const code = await main(['split', model, ...TARGET, ...QUICK, '--json']);
  expect(output.stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(output.stdout) as SplitAnalysis;
}

describe('placewise split', () => {
  it('reports at each cut of a hand-checked model the crossing tensors and their bytes', async () => {
    const analysis = await splitJson(fixture);
    expect(analysis.nodes).toBe(7);
    expect(analysis.cuts.map((row) => [row.position, row.crossing.map((tensor) => tensor.name), row.bytes])).toEqual(
      Object.entries(FIXTURE_CROSSING).map(([position, { tensors, bytes }]) => [Number(position), tensors, bytes]),
    );
    // The whole model's measured time is shared out: nothing on the server at the last cut.
    const last = analysis.cuts[analysis.cuts.length - 1];
    expect(last.server_ms).toBe(0);
    expect(last.transfer_ms).toBe(0);
    expect(analysis.cuts[0].device_ms).toBe(0);
  });

  it('reports at every cut of bundled:paddleocr-det the bytes of the real crossing tensors at the run shape', async () => {
    const analysis = await splitJson('bundled:paddleocr-det');
    expect(analysis.shape).toEqual({ x: [1, 3, 640, 640] });
    expect(analysis.cuts.length).toBeGreaterThan(10);
    // The oracle: onnxruntime itself, with every crossing tensor made an output of the model.
    const file = BUNDLED_MODELS.find((model) => model.id === 'paddleocr-det')!.file();
    const model = readModelFile(file).model;
    const names = [...new Set(analysis.cuts.flatMap((row) => row.crossing.map((tensor) => tensor.name)))];
    const declared = new Set((model.graph!.output ?? []).map((output) => output.name));
    model.graph!.output = [
      ...(model.graph!.output ?? []),
      ...names.filter((name) => !declared.has(name)).map((name) => ({ name })),
    ];
    const session = await ort.InferenceSession.create(
      onnx.ModelProto.encode(onnx.ModelProto.fromObject(model)).finish(),
      {
        intraOpNumThreads: 1,
      },
    );
    const input = new ort.Tensor('float32', new Float32Array(3 * 640 * 640), [1, 3, 640, 640]);
    const outputs = await session.run(
      { x: input },
      names.filter((name) => name !== 'x'),
    );
    await session.release();
    const real = (name: string) => (name === 'x' ? input : outputs[name]);
    for (const row of analysis.cuts) {
      expect(row.bytes).toBe(
        row.crossing.reduce((sum, tensor) => sum + (real(tensor.name).data as Float32Array).byteLength, 0),
      );
      for (const tensor of row.crossing) expect(tensor.shape).toEqual([...real(tensor.name).dims]);
    }
  });

  it('--into splits the step into a head and a tail (the step itself), keeping comments, and the scenario still validates', async () => {
    const scenario = writeBytes(
      'split-scenario.yaml',
      `placewise: 1
name: Sign reading # which half where?
components:
  - id: phone
    kind: phone
    hardware: phone-midrange
models:
  # the network of the split test
  - id: net
    file: ${fixture}
    size_mb: 0.01
    gflop: 2
    accuracy: 0.9
workload:
  users: 1
  per_user_rps: 1
  source: phone
  requests: 100
pipeline:
  - id: capture
    at: phone
    compute_ms: 1
    output_kb: 0.512
  - id: detect # the step to split
    model: net
    output_kb: 0.3
options:
  - id: on-phone
    place: { detect: phone }
`,
    );
    const before = readFileSync(scenario, 'utf8');
    expect(
      await main(['split', fixture, ...TARGET, ...QUICK, '--into', scenario, '--step', 'detect', '--cut', '3']),
    ).toBe(0);
    const after = readFileSync(scenario, 'utf8');
    for (const comment of ['# which half where?', '# the network of the split test', '# the step to split']) {
      expect(after).toContain(comment);
    }
    expect(output.stderr).toContain(
      `${scenario}: step 'detect' is now 'detect-head' (output_kb 0.256) then 'detect', cut 3`,
    );
    const parsed = parseScenarioText(after);
    if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('\n'));
    const { pipeline, models, options } = parsed.scenario;
    expect(pipeline.map((step) => [step.id, step.model, step.output_kb])).toEqual([
      ['capture', undefined, 0.512],
      ['detect-head', 'net-head', 0.256],
      ['detect', 'net-tail', 0.3],
    ]);
    expect(options[0].place).toEqual({ 'detect-head': 'phone', detect: 'phone' });
    // The step's comment stays on the step's own line, now the tail's.
    expect(after).toMatch(/- id: detect # the step to split\n\s+model: net-tail\n\s+output_kb: 0.3\n/);
    const head = models.find((model) => model.id === 'net-head')!;
    const tail = models.find((model) => model.id === 'net-tail')!;
    // The halves share the model's work; the answer, and so the accuracy, is the tail's.
    expect(head.gflop! + tail.gflop!).toBeCloseTo(2, 5);
    expect([head.accuracy, tail.accuracy]).toEqual([undefined, 0.9]);
    // Every option keeps its figures: both halves where the step was take the step's time.
    const stepMeans = (text: string) => {
      const result = parseScenarioText(text);
      if (!result.ok) throw new Error('invalid');
      const plan = buildOptionPlan(buildSystemModel(result.scenario), result.scenario.options[0]);
      return plan.steps.map((step) => step.primary.service.mean);
    };
    const [, whole] = stepMeans(before);
    const [, halfA, halfB] = stepMeans(after);
    expect(halfA + halfB).toBeCloseTo(whole, 6);
  });

  it('exits 2 with the option and the problem for bad arguments, before measuring', async () => {
    const cases: [string[], string][] = [
      [['split', fixture, '--server', 'laptop', '--link', 'wifi'], 'placewise: split: --device: which hardware?'],
      [['split', fixture, ...TARGET.slice(0, 4), '--link', 'pigeon'], "--link: unknown link technology 'pigeon'"],
      [
        ['split', fixture, '--device', 'pager', '--server', 'laptop', '--link', 'wifi'],
        "--device: unknown hardware 'pager'",
      ],
      [['split', fixture, ...TARGET, '--mbps', 'fast'], "--mbps: 'fast' is not a number"],
      [['split', fixture, ...TARGET, '--mbps', '-3'], '--mbps must be a positive number, got -3'],
      [['split', fixture, ...TARGET, '--iterations', '500'], '--iterations 500 is over the limit of 200'],
      [['split', fixture, ...TARGET, '--into', 'x.yaml'], '--into needs --step ID'],
      [['split', fixture, ...TARGET, '--step', 'detect'], '--step, --cut and --out go with --into SCENARIO'],
      [
        ['split', fixture, ...TARGET, '--into', '/nonexistent/s.yaml', '--step', 'detect'],
        '/nonexistent/s.yaml: no such file',
      ],
      [['split', ...TARGET], 'split: which model?'],
    ];
    for (const [args, message] of cases) {
      output.stderr = '';
      expect(await main(args), args.join(' ')).toBe(2);
      expect(output.stderr).toContain(message);
      expect(output.stderr).not.toContain('    at ');
    }
  });

  it('exits 2 with the file and the problem for a file that is not a model', async () => {
    const file = writeBytes('not-a-net.onnx', 'a shopping list\n');
    expect(await main(['split', file, ...TARGET])).toBe(2);
    expect(output.stderr).toMatch(new RegExp(`^placewise: ${file}: not an ONNX model: [^\\n]+\\n$`));
  });

  it('exits 2 for a cut that is not offered, and leaves the scenario as it was', async () => {
    const scenario = writeBytes('untouched.yaml', 'placewise: 1 # untouched\n');
    expect(
      await main(['split', fixture, ...TARGET, ...QUICK, '--into', scenario, '--step', 'detect', '--cut', '99']),
    ).toBe(2);
    expect(output.stderr).toContain('--cut 99: not an offered cut (positions: 0, 1, 2, 3, 4, 5, 6, 7)');
    expect(readFileSync(scenario, 'utf8')).toBe('placewise: 1 # untouched\n');
  });
});
