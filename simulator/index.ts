// The simulator's public surface: everything the CLI, the app, the host and the exports use.

export * from './capacity';
export { estimateScenario, type OptionEstimate } from './evaluate/estimate-scenario';
export { replicateScenario } from './evaluate/replications';
export { type EvaluateSettings, evaluateScenario } from './evaluate/evaluate-scenario';
export * from './export';
export type * from './results';
export { HARDWARE_LIBRARY, type HardwareProfile } from './scenario/hardware-library';
export { LINK_DEFAULTS } from './scenario/link-technologies';
export { parseScenarioText, type ScenarioParse, validateScenario } from './scenario/load';
export { formatScenarioError, type ScenarioError } from './scenario/scenario-error';
export type * from './scenario/schema';
export * from './uncertainty';
