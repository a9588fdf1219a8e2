// FLOPs of one executed node from the concrete shapes it ran with. Conventions (DESIGN.md
// section 6): a multiply-add is two operations; any other arithmetic step on one element
// (add, compare, exp, sigmoid, ...) is one. Data movement (reshape, transpose, gather, ...)
// is zero. An operator not listed here is reported as uncounted, never guessed.
import type { AttributeProto } from '../onnx/onnx-schema';
import { int64ToNumber } from '../onnx/onnx-schema';

export interface NodeExecution {
  opType: string;
  /** Shapes of the inputs that were present, in order (optional inputs left empty are skipped). */
  inputs: number[][];
  outputs: number[][];
  /** The node's attributes from the model file; empty when the node could not be matched. */
  attributes: ReadonlyMap<string, AttributeProto>;
}

type FlopFormula = (node: NodeExecution) => number | null;

const size = (shape: readonly number[] | undefined): number =>
  shape === undefined ? 0 : shape.reduce((product, dim) => product * dim, 1);

const out0 = (node: NodeExecution): number => size(node.outputs[0]);
const in0 = (node: NodeExecution): number => size(node.inputs[0]);

function ints(node: NodeExecution, name: string): number[] | undefined {
  const attribute = node.attributes.get(name);
  return attribute?.ints?.length ? attribute.ints.map(int64ToNumber) : undefined;
}

function text(node: NodeExecution, name: string): string | undefined {
  const bytes = node.attributes.get(name)?.s;
  return bytes && bytes.length > 0 ? new TextDecoder().decode(bytes) : undefined;
}

// Conv: every output element is a dot product over (C_in / group) x kernel, which is exactly the
// product of the weight's dimensions after the first: W is [C_out, C_in/group, k1, k2, ...].
// ConvTranspose is the same product seen from the other side: every input element scatters
// over (C_out / group) x kernel, and W is [C_in, C_out/group, k...].
// Quantized forms put the weight (and bias) at other input positions; their integer
// multiply-adds count the same as float ones, since they are the work the device does.
const convolution =
  (macsPer: 'output' | 'input', weightAt = 1, biasAt: number | null = 2): FlopFormula =>
  (node) => {
    const weight = node.inputs[weightAt];
    if (!weight) return null;
    const macs = (macsPer === 'output' ? out0(node) : in0(node)) * size(weight.slice(1));
    const bias = biasAt !== null && node.inputs[biasAt] ? out0(node) : 0;
    return 2 * macs + bias;
  };

// MatMul with numpy broadcasting: each output element is a dot product of length K (A's last dim).
const matMul: FlopFormula = (node) => {
  const a = node.inputs[0];
  if (!a || a.length === 0) return null;
  return 2 * out0(node) * a[a.length - 1];
};

// Gemm: Y[M, N] = alpha * A' B' + beta * C; K is A's size over M whatever transA says.
const gemm: FlopFormula = (node) => {
  const a = node.inputs[0];
  const y = node.outputs[0];
  if (!a || !y || y.length !== 2 || y[0] === 0) return null;
  const k = size(a) / y[0];
  const bias = node.inputs[2] ? size(y) : 0;
  return 2 * size(y) * k + bias;
};

// Windowed pooling: every output element reads its whole kernel window once.
const pool: FlopFormula = (node) => {
  const kernel = ints(node, 'kernel_shape');
  return kernel ? out0(node) * size(kernel) : null;
};

const perInputElement =
  (operations: number): FlopFormula =>
  (node) =>
    operations * in0(node);

const perOutputElement =
  (operations: number): FlopFormula =>
  (node) =>
    operations * out0(node);

const dataMovement: FlopFormula = () => 0;

// LSTM/GRU: per time step, direction and batch row, the gate matrix products over the input and
// the hidden state (multiply-adds), the two bias adds, then the per-unit gate arithmetic
// (LSTM: 3 sigmoids, 2 tanh, c = f*c + i*g, h = o*tanh(c): 9 operations per hidden unit;
// GRU: 2 sigmoids, 1 tanh, the reset product and h = (1-z)*n + z*h: 7 operations per unit).
const recurrent =
  (gates: number, elementwisePerUnit: number): FlopFormula =>
  (node) => {
    const x = node.inputs[0];
    const y = node.outputs[0];
    if (x?.length !== 3 || !y || y.length !== 4) return null;
    const batchFirst = int64ToNumber(node.attributes.get('layout')?.i) === 1;
    const [steps, batch] = batchFirst ? [x[1], x[0]] : [x[0], x[1]];
    const directions = batchFirst ? y[2] : y[1];
    const hidden = y[3];
    const inputSize = x[2];
    const perStep = 2 * gates * hidden * (inputSize + hidden) + 2 * gates * hidden + elementwisePerUnit * hidden;
    return steps * batch * directions * perStep;
  };

// Resize: nearest copies; linear and cubic interpolate each output element from 2 or 4 source
// elements along every resized axis (one multiply-add per source element).
const resize: FlopFormula = (node) => {
  const x = node.inputs[0];
  const y = node.outputs[0];
  if (!x || !y) return null;
  const mode = text(node, 'mode') ?? 'nearest';
  if (mode === 'nearest') return 0;
  const resizedAxes = y.filter((dim, axis) => dim !== x[axis]).length;
  const taps = (mode === 'cubic' ? 4 : 2) ** resizedAxes;
  return 2 * taps * size(y);
};

// Attention (com.microsoft Attention/MultiHeadAttention, ONNX Attention): the two batched
// products Q·Kᵀ and softmax(·)·V, each S x L x D multiply-adds per batch, plus the softmax over
// S x L scores per head; Attention also projects the input to Q, K and V.
const attention: FlopFormula = (node) => {
  const q = node.inputs[0];
  const y = node.outputs[0];
  if (!q || !y || q.length < 3) return null;
  const batch = q[0];
  const queryLength = q.length === 4 ? q[2] : q[1];
  const key = node.inputs[1];
  const keyLength = key && key.length >= 3 ? (key.length === 4 ? key[2] : key[1]) : queryLength;
  const model = y[y.length - 1] * (y.length === 4 ? y[1] : 1);
  const heads = int64ToNumber(node.attributes.get('num_heads')?.i) || 1;
  const products = 2 * 2 * batch * queryLength * keyLength * model;
  const softmax = 5 * batch * heads * queryLength * keyLength;
  return products + softmax;
};

const msAttention: FlopFormula = (node) => {
  const x = node.inputs[0];
  const weights = node.inputs[1];
  const core = attention({ ...node, inputs: [x, x] });
  if (core === null || !x || !weights || weights.length !== 2) return null;
  const projection = 2 * (size(x) / x[x.length - 1]) * size(weights);
  return core + projection;
};

const FORMULAS: Readonly<Record<string, FlopFormula>> = {
  Conv: convolution('output'),
  ConvTranspose: convolution('input'),
  // QLinearConv(x, x_scale, x_zero_point, w, w_scale, w_zero_point, y_scale, y_zero_point, B)
  QLinearConv: convolution('output', 3, 8),
  ConvInteger: convolution('output', 1, null),
  MatMul: matMul,
  MatMulInteger: matMul,
  QLinearMatMul: matMul,
  // (x - zero_point) x scale, or its inverse: a multiply and an add per element.
  QuantizeLinear: perOutputElement(2),
  DequantizeLinear: perOutputElement(2),
  DynamicQuantizeLinear: perInputElement(4),
  Gemm: gemm,
  MaxPool: pool,
  AveragePool: pool,
  LpPool: pool,
  GlobalAveragePool: perInputElement(1),
  GlobalMaxPool: perInputElement(1),
  ReduceMean: perInputElement(1),
  ReduceSum: perInputElement(1),
  ReduceMax: perInputElement(1),
  ReduceMin: perInputElement(1),
  ReduceProd: perInputElement(1),
  ReduceL2: perInputElement(2),
  ReduceSumSquare: perInputElement(2),
  // Inference-time normalisation folds to one multiply-add per element: y = x * scale' + shift'.
  BatchNormalization: perOutputElement(2),
  // Mean, subtract, square-accumulate (2), scale by 1/sd, then the affine multiply-add (2).
  LayerNormalization: perOutputElement(7),
  InstanceNormalization: perOutputElement(7),
  GroupNormalization: perOutputElement(7),
  LpNormalization: perOutputElement(3),
  // Max, subtract, exp, sum, divide: the numerically stable form runtimes use.
  Softmax: perOutputElement(5),
  LogSoftmax: perOutputElement(5),
  LSTM: recurrent(4, 9),
  GRU: recurrent(3, 7),
  RNN: recurrent(1, 1),
  Resize: resize,
  Upsample: resize,
  Attention: msAttention,
  MultiHeadAttention: attention,
  // Elementwise arithmetic, activations and comparisons: one operation per output element.
  ...Object.fromEntries(
    [
      'Add',
      'Sub',
      'Mul',
      'Div',
      'Pow',
      'Sqrt',
      'Reciprocal',
      'Exp',
      'Log',
      'Neg',
      'Abs',
      'Erf',
      'Tanh',
      'Sigmoid',
      'Relu',
      'LeakyRelu',
      'PRelu',
      'Elu',
      'Selu',
      'Gelu',
      'HardSigmoid',
      'HardSwish',
      'Softplus',
      'Softsign',
      'Clip',
      'Max',
      'Min',
      'Mean',
      'Sum',
      'Floor',
      'Ceil',
      'Round',
      'Sign',
      'Sin',
      'Cos',
      'Equal',
      'Less',
      'Greater',
      'LessOrEqual',
      'GreaterOrEqual',
      'Not',
      'And',
      'Or',
      'Xor',
      'Where',
      'Mod',
      'BiasGelu',
      'FastGelu',
      'QuickGelu',
    ].map((op) => [op, perOutputElement(1)]),
  ),
  // Shape and data movement: no arithmetic.
  ...Object.fromEntries(
    [
      'Reshape',
      'Transpose',
      'Concat',
      'Split',
      'Slice',
      'Gather',
      'GatherElements',
      'GatherND',
      'Scatter',
      'ScatterElements',
      'ScatterND',
      'Squeeze',
      'Unsqueeze',
      'Flatten',
      'Shape',
      'Size',
      'Cast',
      'CastLike',
      'Identity',
      'Pad',
      'Expand',
      'Tile',
      'Constant',
      'ConstantOfShape',
      'Range',
      'If',
      'Loop',
      'Scan',
      'Dropout',
      'DepthToSpace',
      'SpaceToDepth',
      'NonZero',
      'OneHot',
      'ArgMax',
      'ArgMin',
      'TopK',
      'Trilu',
      'MemcpyToHost',
      'MemcpyFromHost',
    ].map((op) => [op, dataMovement]),
  ),
};

/** FLOPs of the node, or null when its operator (or the facts it needs) are unknown. */
export function nodeFlops(node: NodeExecution): number | null {
  const formula = FORMULAS[node.opType];
  return formula ? formula(node) : null;
}
