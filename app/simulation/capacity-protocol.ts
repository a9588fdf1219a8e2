// Messages between the renderer and the capacity worker.
import type { CapacitySweep } from '../../simulator/capacity/index';
import type { Scenario } from '../../simulator/scenario/schema';

export interface CapacityRequest {
  scenario: Scenario;
  option?: string;
  component?: string;
}

export type CapacityReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; sweep: CapacitySweep }
  | { kind: 'failed'; message: string };
