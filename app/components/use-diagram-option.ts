import { usePlacewise } from '../context';

/** The option the diagram shows: the user's pick, else the recommendation, the decision, or the first. */
export function useDiagramOption(): string | null {
  return usePlacewise((state) => {
    const scenario = state.lastValidScenario;
    if (!scenario) return null;
    const ids = scenario.options.map((option) => option.id);
    const candidates = [state.diagramOption, state.results?.recommendation, scenario.decision, ids[0]];
    return candidates.find((id): id is string => typeof id === 'string' && ids.includes(id)) ?? null;
  });
}
