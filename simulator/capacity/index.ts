// Capacity planning: replicas per load and the serverless crossover, shared by the CLI and the app.
export {
  CapacityInputError,
  type CapacityPoint,
  type CapacitySettings,
  type CapacitySweep,
  capacitySweep,
} from './capacity-sweep';
export { erlangMeanResponse, fewestServers, type Station, waitStatistic } from './erlang-guess';
export type { ServerlessPricing } from './serverless-alternative';
