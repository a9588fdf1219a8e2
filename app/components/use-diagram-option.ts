import { usePlacewise } from '../context';
import type { PlacewiseState } from '../store/store';

/** The option the diagram shows: the user's pick, else the recommendation, the decision, or the first. */
export function diagramOptionOf(
  state: Pick<PlacewiseState, 'lastValidScenario' | 'diagramOption' | 'results'>,
): string | null {
  const scenario = state.lastValidScenario;
  if (!scenario) return null;
  const ids = scenario.options.map((option) => option.id);
  const candidates = [state.diagramOption, state.results?.recommendation, scenario.decision, ids[0]];
  return candidates.find((id): id is string => typeof id === 'string' && ids.includes(id)) ?? null;
}

export function useDiagramOption(): string | null {
  return usePlacewise(diagramOptionOf);
}
