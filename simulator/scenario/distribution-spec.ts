// The distribution forms a scenario may give for any `_ms` or `_s` field (DESIGN.md section 2).
export type DistributionSpec =
  | number
  | { constant: number }
  | { uniform: [number, number] }
  | { exponential: number }
  | { normal: { mean: number; sd: number } }
  | { lognormal: { median: number; p95: number } }
  | { triangular: [number, number, number] }
  | { empirical: number[] };

export const DISTRIBUTION_KINDS = [
  'constant',
  'uniform',
  'exponential',
  'normal',
  'lognormal',
  'triangular',
  'empirical',
] as const;
