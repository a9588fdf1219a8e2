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
