// The bench area's public API: bundled models, inspection, measurement, results files, and the
// projection of a measurement into a scenario. Node-only (it forks processes and reads files).
export {
  BenchAbortedError,
  BenchInputError,
  BenchReportError,
  FileProblemError,
  InputShapeError,
  ModelFileError,
} from './errors';
export type { FlopCount } from './inspect/count-flops';
export { inspectModel, type ModelInspection } from './inspect/inspect-model';
export type { InputShapes } from './inspect/resolve-shapes';
export { parseShapeOption } from './inspect/resolve-shapes';
export { BUNDLED_MODELS } from './models/bundled-models';
export { type BundledModelInfo, listBundledModels } from './models/list-bundled';
export type { Dimension, TensorSignature } from './onnx/tensor-signature';
export { type AppliedMeasurement, type ApplyOptions, applyBenchToScenario } from './projection/apply-to-scenario';
export { profileFromReport, profileIdForReport, THIS_MACHINE } from './projection/profile-from-report';
export { referenceResult } from './projection/reference-result';
export type {
  BenchHost,
  BenchModelSummary,
  BenchProgress,
  BenchReport,
  BenchRequest,
  BenchResult,
} from './report/bench-report';
export { slowerBatchHints } from './report/batching-hints';
export { parseBenchReport, readBenchReport } from './report/read-report';
export { BENCH_MODES, type BenchMode } from './runner/protocol';
export { BENCH_LIMITS, benchRequestProblem, DEFAULT_ITERATIONS, DEFAULT_WARMUP } from './limits';
export { type BenchHooks, runBenchmark } from './runner/run-benchmark';
export * from './split/index';
