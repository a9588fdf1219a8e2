// Inspection facts of the real bundled models, read from their files, and the errors for files
// that are not models.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ModelFileError } from '../../../bench/errors';
import { inspectModel } from '../../../bench/inspect/inspect-model';
import { loadModel } from '../../../bench/inspect/model-facts';
import { BUNDLED_MODELS } from '../../../bench/models/bundled-models';
import { listBundledModels } from '../../../bench/models/list-bundled';
import { modelBytes, node, valueInfo, writeBytes } from './onnx-builder';

describe('bundled models', () => {
  it('lists the four bundled models with their real parameter counts and inputs', () => {
    const models = Object.fromEntries(listBundledModels().map((model) => [model.id, model]));
    expect(Object.keys(models)).toEqual(['paddleocr-det', 'paddleocr-rec', 'paddleocr-cls', 'silero-vad']);
    // Parameter counts as read from the files (float32 weights: size_mb is about 4 bytes each).
    expect(models['paddleocr-det'].params).toBe(1171841);
    expect(models['paddleocr-rec'].params).toBe(2690312);
    expect(models['paddleocr-cls'].params).toBe(133665);
    expect(models['silero-vad'].params).toBe(445117);
    expect(models['paddleocr-det'].size_mb).toBeCloseTo(4.746, 3);
    expect(models['paddleocr-det'].reference).toBe('bundled:paddleocr-det');
  });

  it('keeps the names of dynamic dimensions', () => {
    const models = Object.fromEntries(listBundledModels().map((model) => [model.id, model]));
    expect(models['paddleocr-det'].inputs).toEqual([
      {
        name: 'x',
        type: 'float32',
        shape: ['p2o.DynamicDimension.0', 3, 'p2o.DynamicDimension.1', 'p2o.DynamicDimension.2'],
      },
    ]);
    expect(models['paddleocr-rec'].inputs[0].shape).toEqual([
      'p2o.DynamicDimension.0',
      3,
      48,
      'p2o.DynamicDimension.1',
    ]);
    expect(models['paddleocr-rec'].outputs[0]).toEqual({
      name: 'softmax_11.tmp_0',
      type: 'float32',
      shape: ['p2o.DynamicDimension.2', 'p2o.DynamicDimension.3', 6625],
    });
    expect(models['silero-vad'].inputs).toEqual([
      { name: 'input', type: 'float32', shape: ['batch', 'sequence'] },
      { name: 'sr', type: 'int64', shape: [] },
      { name: 'h', type: 'float32', shape: [2, 'batch', 64] },
      { name: 'c', type: 'float32', shape: [2, 'batch', 64] },
    ]);
    expect(models['silero-vad'].outputs.map((output) => output.name)).toEqual(['output', 'hn', 'cn']);
  });

  it('gives every input of every bundled model a default shape', () => {
    for (const bundled of BUNDLED_MODELS) {
      const { facts } = loadModel(`bundled:${bundled.id}`);
      expect(Object.keys(bundled.defaultShapes).sort()).toEqual(facts.inputs.map((input) => input.name).sort());
    }
  });

  it('hashes the file', () => {
    const { facts } = loadModel('bundled:paddleocr-cls');
    expect(facts.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(facts.opsets).toEqual({ 'ai.onnx': 9 });
  });
});

describe('inspectModel', () => {
  it('says which dimensions to give when a file leaves them open', async () => {
    const inspection = await inspectModel(BUNDLED_MODELS[2].file());
    expect(inspection.flops).toBeNull();
    expect(inspection.shape).toBeNull();
    expect(inspection.params).toBe(133665);
    expect(inspection.open_dimensions).toEqual([
      "input 'x': p2o.DynamicDimension.0 (axis 0)",
      "input 'x': p2o.DynamicDimension.1 (axis 2)",
      "input 'x': p2o.DynamicDimension.2 (axis 3)",
    ]);
  });

  it('counts a file at the shapes given, the same as the bundled model at its defaults', async () => {
    const [byFile, bundled] = await Promise.all([
      inspectModel(BUNDLED_MODELS[2].file(), { x: [1, 3, 48, 192] }),
      inspectModel('bundled:paddleocr-cls'),
    ]);
    expect(byFile.flops).toEqual(bundled.flops);
    expect(bundled.shape).toEqual({ x: [1, 3, 48, 192] });
  });
});

describe('files that are not models', () => {
  const valid = modelBytes({
    nodes: [node('Relu', ['x'], ['y'])],
    inputs: [valueInfo('x', [2])],
    outputs: [valueInfo('y')],
  });

  it('names a missing file', () => {
    expect(() => loadModel('/nonexistent/model.onnx')).toThrow(
      new ModelFileError('/nonexistent/model.onnx', 'no such file'),
    );
  });

  it('calls a file cut short truncated', () => {
    const real = readFileSync(BUNDLED_MODELS[2].file());
    const file = writeBytes('cut.onnx', real.subarray(0, 5000));
    expect(() => loadModel(file)).toThrow(/cut\.onnx: truncated/);
  });

  it('rejects text and empty files', () => {
    expect(() => loadModel(writeBytes('text.onnx', '{"name": "not a model", "version": 3}\n'))).toThrow(
      /text\.onnx: not an ONNX model/,
    );
    expect(() => loadModel(writeBytes('empty.onnx', ''))).toThrow(/empty\.onnx: is empty/);
  });

  it('reads a well-formed model built in the test', () => {
    const { facts } = loadModel(writeBytes('relu.onnx', valid));
    expect(facts.inputs).toEqual([{ name: 'x', type: 'float32', shape: [2] }]);
    expect(facts.params).toBe(0);
    expect(facts.producer).toBe('placewise-tests');
  });

  it('rejects an unknown bundled name and lists the known ones', () => {
    expect(() => loadModel('bundled:yolo')).toThrow(
      'bundled:yolo: no such bundled model (bundled: paddleocr-det, paddleocr-rec, paddleocr-cls, silero-vad)',
    );
  });
});
