// Concrete input shapes for a run: the model's declared shapes, filled from a bundled model's
// defaults, the user's --shape, and the batch size. Every dimension must end up a positive
// integer, and every input within the size limit (../limits.ts); whatever is left open is an
// error that says exactly what to give.
import { InputShapeError } from '../errors';
import { inputSizeProblem } from '../limits';
import type { Dimension, TensorSignature } from '../onnx/tensor-signature';

export type InputShapes = Record<string, number[]>;

export interface ShapeRequest {
  /** Defaults for some or all inputs (a bundled model's), at batch 1. */
  defaults?: Readonly<Record<string, readonly number[]>>;
  /** The user's shapes, which win over defaults. */
  overrides?: Readonly<Record<string, readonly number[]>>;
  /** Sets every dimension named like the first input's first dimension. */
  batch?: number;
}

/**
 * A dimension the model leaves open: named (`batch`), unnamed (`?`), or negative, as some
 * exporters write "unknown" (-1).
 */
export function isOpenDimension(dim: Dimension): boolean {
  return typeof dim === 'string' || dim < 0;
}

/** The batch dimension: the first input's first dimension, when it is open. */
export function batchDimension(inputs: readonly TensorSignature[]): Dimension | undefined {
  const first = inputs[0]?.shape[0];
  return first !== undefined && isOpenDimension(first) ? first : undefined;
}

/** Whether --batch sets this axis: every axis named like the batch dimension, or only the first where it has no name. */
function isBatchAxis(declared: Dimension, axis: number, batchName: Dimension | undefined): boolean {
  if (batchName === undefined || declared !== batchName) return false;
  return axis === 0 || (typeof batchName === 'string' && batchName !== '?');
}

export function resolveInputShapes(
  file: string,
  inputs: readonly TensorSignature[],
  request: ShapeRequest,
): InputShapes {
  const names = inputs.map((input) => input.name);
  for (const name of Object.keys(request.overrides ?? {})) {
    if (!names.includes(name)) {
      throw new InputShapeError(file, `--shape names input '${name}', but the model's inputs are ${names.join(', ')}`);
    }
  }
  const batchName = batchDimension(inputs);
  if (request.batch !== undefined && request.batch !== 1 && batchName === undefined) {
    const first = inputs[0];
    throw new InputShapeError(
      file,
      `--batch ${request.batch}: input '${first?.name}' has a fixed first dimension (${first?.shape[0]}), so the batch size cannot change`,
    );
  }
  const shapes: InputShapes = {};
  const open: string[] = [];
  for (const input of inputs) {
    const given = request.overrides?.[input.name] ?? request.defaults?.[input.name];
    const shape: Dimension[] = given ? checkGiven(file, input, given) : [...input.shape];
    input.shape.forEach((declared, axis) => {
      if (request.batch !== undefined && isBatchAxis(declared, axis, batchName)) shape[axis] = request.batch;
    });
    const missing = shape.flatMap((dim, axis) => (isOpenDimension(dim) ? [`${dim} (axis ${axis})`] : []));
    if (missing.length > 0) {
      const template = shape.map((dim) => (isOpenDimension(dim) ? 'N' : dim)).join(',');
      open.push(
        `input '${input.name}' [${input.shape.join(', ')}]: ${missing.join(', ')}; e.g. --shape ${input.name}=${template}`,
      );
    } else shapes[input.name] = shape as number[];
  }
  if (open.length > 0) {
    throw new InputShapeError(file, `dynamic dimensions left open; give them with --shape:\n  ${open.join('\n  ')}`);
  }
  const tooLarge = inputSizeProblem(shapes);
  if (tooLarge) throw new InputShapeError(file, tooLarge);
  return shapes;
}

function checkGiven(file: string, input: TensorSignature, given: readonly number[]): Dimension[] {
  if (input.shape.length > 0 && given.length !== input.shape.length) {
    throw new InputShapeError(
      file,
      `input '${input.name}' has ${input.shape.length} dimensions [${input.shape.join(', ')}], --shape gave ${given.length} (${given.join(',')})`,
    );
  }
  given.forEach((dim, axis) => {
    const declared = input.shape[axis];
    if (!Number.isInteger(dim) || dim <= 0) {
      throw new InputShapeError(file, `input '${input.name}' axis ${axis}: ${dim} is not a positive integer`);
    }
    if (typeof declared === 'number' && declared >= 0 && declared !== dim) {
      throw new InputShapeError(
        file,
        `input '${input.name}' axis ${axis} is fixed at ${declared} by the model; --shape gave ${dim}`,
      );
    }
  });
  return [...given];
}

/** Parses `NAME=d1,d2,...` (a scalar is `NAME=`); the name may itself contain '='. */
export function parseShapeOption(text: string): [string, number[]] {
  const at = text.lastIndexOf('=');
  if (at <= 0) throw new InputShapeError('--shape', `'${text}' is not NAME=d1,d2,... (e.g. x=1,3,640,640)`);
  const name = text.slice(0, at);
  const list = text.slice(at + 1).trim();
  const dims = list === '' ? [] : list.split(',').map((part) => Number(part.trim()));
  if (dims.some((dim) => !Number.isInteger(dim) || dim <= 0)) {
    throw new InputShapeError('--shape', `'${text}': dimensions must be positive integers separated by commas`);
  }
  return [name, dims];
}
