// Replaces uncertain values by numbers, giving a plain scenario object that the ordinary
// validation accepts. The input is left untouched: Monte Carlo substitutes into it many times.
import type { UncertainParameter } from './uncertain-value';
import { nominalValue } from './uncertain-value';

export function substituteValues(
  raw: unknown,
  parameters: readonly Pick<UncertainParameter, 'path'>[],
  values: readonly number[],
): unknown {
  if (parameters.length === 0) return raw;
  const copy = structuredClone(raw);
  parameters.forEach((parameter, index) => {
    let node = copy as Record<string | number, unknown>;
    for (const segment of parameter.path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
    node[parameter.path[parameter.path.length - 1]] = values[index];
  });
  return copy;
}

/** The scenario with every uncertain value at its nominal value (what a normal run simulates). */
export function substituteNominalValues(raw: unknown, parameters: readonly UncertainParameter[]): unknown {
  return substituteValues(raw, parameters, parameters.map(nominalValue));
}

/**
 * substituteValues without copying the whole scenario: only the mappings and lists on the way to
 * an uncertain value are copied, the rest is shared with `raw`. For a reader that leaves it as
 * it is (validation): a Monte Carlo sample's, thousands of times per study.
 */
export function substituteOnPaths(
  raw: unknown,
  parameters: readonly Pick<UncertainParameter, 'path'>[],
  values: readonly number[],
): unknown {
  if (parameters.length === 0) return raw;
  const copied = new Set<unknown>();
  const copyOf = (node: unknown): Record<string | number, unknown> => {
    const copy = (Array.isArray(node) ? [...node] : { ...(node as object) }) as Record<string | number, unknown>;
    copied.add(copy);
    return copy;
  };
  const root = copyOf(raw);
  parameters.forEach((parameter, index) => {
    let node = root;
    for (const segment of parameter.path.slice(0, -1)) {
      const child = node[segment];
      node = copied.has(child) ? (child as Record<string | number, unknown>) : (node[segment] = copyOf(child));
    }
    node[parameter.path[parameter.path.length - 1]] = values[index];
  });
  return root;
}
