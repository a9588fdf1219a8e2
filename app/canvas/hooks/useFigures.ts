// Each canvas element subscribes to its own entry of the shown option's figures (an object that
// changes only when new results arrive), so node data never carries figures and a result never
// rebuilds the node list.
import { useDiagramOption } from '../../components/use-diagram-option';
import { usePlacewise } from '../../context';
import type { PlacewiseState } from '../../store/store';
import {
  type ComponentFigures,
  type LinkFigures,
  type OptionFigures,
  figuresOf,
  optionFigures,
} from '../model/figures';

function useFigure<T>(pick: (figures: OptionFigures | null) => T): T {
  const optionId = useDiagramOption();
  return usePlacewise((state: PlacewiseState) =>
    pick(
      // The shown option's own preview arrives before the other options': it is the newer.
      state.focusPreview !== null && state.focusPreview.id === optionId
        ? figuresOf(state.lastValidScenario, state.focusPreview)
        : optionFigures(state.results, state.lastValidScenario, optionId),
    ),
  );
}

export function useOptionFigures(): OptionFigures | null {
  return useFigure((figures) => figures);
}

export function useComponentFigures(id: string): ComponentFigures | undefined {
  return useFigure((figures) => figures?.components.get(id));
}

export function useLinkFigures(id: string): LinkFigures | undefined {
  return useFigure((figures) => figures?.links.get(id));
}

export function useStepMean(step: string): number | undefined {
  return useFigure((figures) => figures?.stepMeans.get(step));
}
