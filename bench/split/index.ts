// Splitting one model between a device and a server (Neurosurgeon, Kang et al., ASPLOS 2017):
// measure once, project onto any device, server and link, and write a chosen cut into a scenario.
export { MAX_CROSSING_TENSORS } from './graph-cuts';
export {
  DEFAULT_SPLIT_ITERATIONS,
  type MeasuredSplit,
  measureSplit,
  type SplitMeasurement,
  type SplitRequest,
  splitRequestProblem,
} from './measure-split';
export { projectSplit, type SplitAnalysis, type SplitRow, type SplitTarget, splitTargetProblem } from './project-split';
export { type SplitIntoOptions, type SplitScenario, splitStepInScenario } from './split-into-scenario';
export type { CrossingTensor, MeasuredCut } from './split-measurement';
