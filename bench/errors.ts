// Errors of the bench area. `BenchInputError` is bad input from the user (a file, a shape, an
// option): callers show its message alone (the CLI exits 2). Anything else is a defect or an
// environment failure and keeps its stack.

export class BenchInputError extends Error {
  override name = 'BenchInputError';
}

/** A problem with one file (or option), reported as `FILE: problem`. */
export class FileProblemError extends BenchInputError {
  override name = 'FileProblemError';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

/** A model file that is missing, not ONNX, truncated, or that onnxruntime cannot load. */
export class ModelFileError extends FileProblemError {
  override name = 'ModelFileError';
}

/** Input shapes that are incomplete, malformed or that the model rejects. */
export class InputShapeError extends FileProblemError {
  override name = 'InputShapeError';
}

/** A results file that cannot be read, or a scenario it cannot be applied to. */
export class BenchReportError extends FileProblemError {
  override name = 'BenchReportError';
}

/** A benchmark stopped through its AbortSignal. */
export class BenchAbortedError extends Error {
  override name = 'AbortError';
  constructor() {
    super('benchmark cancelled');
  }
}
