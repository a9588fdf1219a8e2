// Uncertain parameters, Monte Carlo and sensitivity: the pure parts, shared by the CLI and the app.
export { type EvaluationOutcome, type EvaluationTask, evaluateWithValues } from './evaluate-sample';
export { findUncertainValues, type UncertaintyScan } from './find-uncertain';
export {
  type MonteCarloPlan,
  type MonteCarloReport,
  type MonteCarloSettings,
  monteCarloReport,
  planMonteCarlo,
  TORNADO_HIGH,
  TORNADO_LOW,
  type UncertainParameterReport,
} from './monte-carlo-plan';
export { MONTE_CARLO_REQUESTS, REPORT_SAMPLES } from './monte-carlo-defaults';
export { MonteCarloDrawError, monteCarloInOrder } from './monte-carlo-in-order';
export { type MonteCarloOption, summarizeSamples } from './monte-carlo-summary';
export { percentile, type Spread, spreadOf } from './percentiles';
export { sampleSimulationSeed, sampleValues } from './sample-draws';
export { type OptionOutcome, optionOutcome } from './sample-metrics';
export { substituteNominalValues, substituteValues } from './substitute-values';
export { rankTornado, TORNADO_METRICS, type TornadoBar, type TornadoRun } from './tornado';
export {
  nominalValue,
  type UncertainParameter,
  type UncertainScenario,
  type UncertainSpec,
  valueAt,
} from './uncertain-value';
