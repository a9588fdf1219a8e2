// The open draft as an uncertain scenario for Monte Carlo: the object as written (ranges and
// distributions in place) and where its uncertain values are; null when it has none.
import { findUncertainValues, type UncertainScenario } from '../../simulator/uncertainty/index';

export function uncertainDraft(draft: unknown): UncertainScenario | null {
  if (draft === null || draft === undefined) return null;
  const scan = findUncertainValues(draft);
  // A malformed uncertain value is already a scenario error; there is nothing to sample then.
  if (scan.errors.length > 0 || scan.parameters.length === 0) return null;
  return { input: draft, parameters: scan.parameters };
}
