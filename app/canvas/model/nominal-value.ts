// A figure as the canvas shows it while the user edits: an uncertain value (`{ range: [a, b] }`
// and the like) at its nominal value, marked so that the text can say "about".
import { findUncertainValues } from '../../../simulator/uncertainty/find-uncertain';
import { substituteNominalValues } from '../../../simulator/uncertainty/substitute-values';

export function nominal(value: unknown): { value: unknown; uncertain: boolean } {
  const scan = findUncertainValues({ value });
  if (scan.parameters.length === 0) return { value, uncertain: false };
  return { value: (substituteNominalValues({ value }, scan.parameters) as { value: unknown }).value, uncertain: true };
}
