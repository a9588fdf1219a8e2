// A child's failure in the user's terms: onnxruntime refusing the model is a bad model file,
// refusing the inputs is a bad shape; anything else stays an internal error.
import { InputShapeError, ModelFileError } from '../errors';
import type { InputShapes } from '../inspect/resolve-shapes';
import { ChildTaskError } from './child-process';

export function asInputError(file: string, shapes: InputShapes, error: unknown): unknown {
  if (!(error instanceof ChildTaskError)) return error;
  const { phase, message } = error.failure;
  if (phase === 'load') return new ModelFileError(file, `onnxruntime cannot load it: ${firstLine(message)}`);
  if (phase === 'run') {
    const given = Object.entries(shapes)
      .map(([name, dims]) => `${name}=[${dims.join(',')}]`)
      .join(' ');
    return new InputShapeError(file, `the model rejects the input shapes ${given}: ${firstLine(message)}`);
  }
  return new Error(message);
}

const firstLine = (text: string) => text.split('\n')[0];
