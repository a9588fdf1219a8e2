// The plan a fuzz child runs and the lines it answers with (see fuzz-child.ts, run-fuzz.ts).

export interface FuzzJob {
  scenario: string;
  /** Mutations from..to-1 of the scenario's seeded sequence. */
  from: number;
  to: number;
}

export interface FuzzPlan {
  jobs: FuzzJob[];
  seed: number;
  /** As `placewise run --requests N`. */
  requests: number;
}

export interface MutationRef {
  scenario: string;
  index: number;
  kind: string;
}

export type FuzzLine =
  | ({ event: 'start' } & MutationRef)
  | ({ event: 'violation'; problems: string[] } & MutationRef)
  | { event: 'done'; files: number; answers: Record<string, number>; slowest: MutationRef & { ms: number } };
