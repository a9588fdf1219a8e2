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

/** A line before each file, and one after it with the kind of answer, its time and what broke the rule. */
export type FuzzLine =
  | ({ event: 'start' } & MutationRef)
  | ({ event: 'answered'; answer: string; ms: number; problems: string[] } & MutationRef);
