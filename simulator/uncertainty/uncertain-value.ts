// A number in a scenario that is fixed but not known: `{ range: [low, high] }` (uniform) or
// `{ uncertain: DISTRIBUTION }` (any distribution form of DESIGN.md section 2). Unlike a
// distribution on an `_ms` field, which varies from request to request, an uncertain value is
// drawn once per Monte Carlo sample and holds for the whole simulated run. A normal run uses
// its nominal value: the midpoint of a range, the mean of a distribution.
import * as z from 'zod';
import { compileDistribution, type Sampler } from '../random/sampler';
import { DISTRIBUTION_KINDS, type DistributionSpec } from '../scenario/distribution-spec';
import { distributionSchema } from '../scenario/schema';

export type UncertainSpec = { range: [number, number] } | { uncertain: DistributionSpec };

/** One uncertain number of a scenario: where it is, how it is spread, whether the field takes whole numbers. */
export interface UncertainParameter {
  /** Segments of the path into the scenario, e.g. ['links', 1, 'mbps']. */
  path: (string | number)[];
  /** The path as written in error messages: `links[1].mbps`. */
  name: string;
  spec: UncertainSpec;
  /** The field takes whole numbers (replicas, users, cores): values are rounded. */
  integer: boolean;
}

/** A scenario with uncertain values: the object as written, and where its uncertain values are. */
export interface UncertainScenario {
  input: unknown;
  parameters: UncertainParameter[];
}

// A single-key mapping is read as an uncertain value only when its content has the right
// shape, so that an id such as a step named `range` in a `place` map is never mistaken for one.
export function isUncertainForm(value: unknown): value is { range: unknown } | { uncertain: unknown } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1) return false;
  const content = (value as Record<string, unknown>)[keys[0]];
  if (keys[0] === 'range') return Array.isArray(content);
  if (keys[0] !== 'uncertain') return false;
  if (typeof content === 'number') return true;
  return (
    content !== null &&
    typeof content === 'object' &&
    !Array.isArray(content) &&
    Object.keys(content).some((key) => (DISTRIBUTION_KINDS as readonly string[]).includes(key))
  );
}

const rangeSchema = z
  .tuple([z.number().nonnegative(), z.number().nonnegative()])
  .refine(([low, high]) => low <= high, 'lower bound is above upper bound');

/** Checks an uncertain form; zod issues carry paths relative to it (`range`, `uncertain.normal.sd`). */
export function checkUncertainForm(
  value: { range: unknown } | { uncertain: unknown },
): { ok: true; spec: UncertainSpec } | { ok: false; issues: z.core.$ZodIssue[] } {
  if ('range' in value) {
    const parsed = rangeSchema.safeParse(value.range, { reportInput: true });
    if (!parsed.success) return { ok: false, issues: prefixIssues(parsed.error.issues, 'range') };
    return { ok: true, spec: { range: parsed.data as [number, number] } };
  }
  const parsed = distributionSchema.safeParse(value.uncertain, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: prefixIssues(parsed.error.issues, 'uncertain') };
  return { ok: true, spec: { uncertain: parsed.data } };
}

function prefixIssues(issues: z.core.$ZodIssue[], key: string): z.core.$ZodIssue[] {
  return issues.map((issue) => ({ ...issue, path: [key, ...issue.path] }));
}

function samplerOf(spec: UncertainSpec): Sampler {
  return compileDistribution('range' in spec ? { uniform: spec.range } : spec.uncertain);
}

/** The value a normal (not Monte Carlo) run uses: a range's midpoint, a distribution's mean. */
export function nominalValue(parameter: UncertainParameter): number {
  const mean = samplerOf(parameter.spec).mean;
  return parameter.integer ? Math.round(mean) : mean;
}

/**
 * The parameter's value at probability p of its spread (0..1). Monte Carlo draws it at a uniform
 * p (inverse-transform sampling, so a draw is a pure function of p); the tornado at 0.05 and 0.95.
 * On whole-number fields a range is a discrete uniform over its whole numbers.
 */
export function valueAt(parameter: UncertainParameter, p: number): number {
  const { spec } = parameter;
  if (parameter.integer && 'range' in spec) {
    const low = Math.ceil(spec.range[0]);
    const high = Math.floor(spec.range[1]);
    if (high < low) return Math.round(spec.range[0]);
    return Math.min(high, low + Math.floor(p * (high - low + 1)));
  }
  const value = samplerOf(spec).quantile(p);
  return parameter.integer ? Math.round(value) : value;
}
