// Reads an .onnx file into ONNX's protobuf message, turning every way a file can fail to be a
// model (missing, not protobuf, cut short, protobuf but not a model) into a ModelFileError.
import { readFileSync, statSync } from 'node:fs';
import { ModelFileError } from '../errors';
import { int64ToNumber, type ModelProto, onnx } from './onnx-schema';

export interface ModelFile {
  file: string;
  bytes: Uint8Array;
  model: ModelProto;
}

export function readModelFile(file: string): ModelFile {
  let bytes: Uint8Array;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw new ModelFileError(file, 'is a directory, not an .onnx file');
    // A device or a pipe (/dev/zero, a FIFO) might never end.
    if (!stats.isFile()) throw new ModelFileError(file, 'is not a regular file');
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof ModelFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ModelFileError(file, code === 'ENOENT' ? 'no such file' : `cannot read: ${(error as Error).message}`);
  }
  return { file, bytes, model: decodeModel(file, bytes) };
}

export function decodeModel(file: string, bytes: Uint8Array): ModelProto {
  if (bytes.length === 0) throw new ModelFileError(file, 'is empty, not an ONNX model');
  let model: ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (error) {
    const reason = looksLikeOnnx(bytes)
      ? 'truncated or corrupted (it ends in the middle of a record)'
      : 'not an ONNX model';
    throw new ModelFileError(file, `${reason}: ${(error as Error).message}`);
  }
  // Arbitrary bytes sometimes decode as protobuf by chance; a model has an IR version and a graph.
  if (int64ToNumber(model.irVersion) <= 0 || !model.graph) {
    throw new ModelFileError(file, 'not an ONNX model (no IR version or no graph)');
  }
  if ((model.graph.node ?? []).length === 0) throw new ModelFileError(file, 'the ONNX graph has no nodes');
  return model;
}

// Serialisers write ModelProto's field 1 (ir_version, a small varint) first: a file that starts
// that way and fails to decode is a model cut short, anything else is some other kind of file.
function looksLikeOnnx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x08 && bytes[1] >= 1 && bytes[1] <= 30;
}
