/** What the engine needs of a station: FIFO admission at the arrival event, in time order. */
export interface Station {
  /** Admits a job arriving at `arrival` needing `service`; returns when its service starts. */
  admit(arrival: number, service: number): number;
  /** As admit, first admitting the background users' jobs that arrived since the previous arrival. */
  admitWithBackground(arrival: number, service: number): number;
  /** Admits the background users' jobs that arrived by `time` (before the background's routing changes). */
  catchUp(time: number): void;
  readonly busyTime: number;
  readonly jobs: number;
}
