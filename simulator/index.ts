// The simulator's public surface: everything the CLI, the app, the host and the exports use.

export * from './capacity';
export { estimateScenario, type OptionEstimate } from './evaluate/estimate-scenario';
export { RunLimitError } from './engine/run-limit-error';
export { replicateScenario } from './evaluate/replications';
export { type EvaluateSettings, evaluateScenario } from './evaluate/evaluate-scenario';
export * from './export';
export type * from './results';
export {
  type JsonOptionResult,
  RESULTS_FORMAT,
  type ResultsDocument,
  resultsDocument,
  resultsForJson,
  type ResultsProvenance,
} from './results-json';
export { HARDWARE_LIBRARY, type HardwareProfile } from './scenario/hardware-library';
export { LINK_DEFAULTS } from './scenario/link-technologies';
export { SCENARIO_LIMITS } from './scenario/limits';
export { parseScenarioText, type ScenarioParse, validateScenario } from './scenario/load';
export { requestsPastLimit } from './scenario/run-limits';
export { READING_LIMITS } from './scenario/yaml-reading';
export { formatScenarioError, type ScenarioError } from './scenario/scenario-error';
export type * from './scenario/schema';
export * from './uncertainty';
