// What the elements inside the canvas (chips, link labels) ask the document to do. ScenarioCanvas
// provides them, so that nodes stay presentational and memoised.
import { createContext, useContext } from 'react';
import type { ChipMove } from './commands/placeChip';

export interface CanvasIntents {
  selectStep(index: number): void;
  selectLink(index: number): void;
  moveChip(chip: ChipMove, componentId: string): void;
}

export const CanvasIntentsContext = createContext<CanvasIntents | null>(null);

export function useCanvasIntents(): CanvasIntents {
  const intents = useContext(CanvasIntentsContext);
  if (!intents) throw new Error('useCanvasIntents outside CanvasIntentsContext');
  return intents;
}

/** The step selected in the inspector, if any: its chips are highlighted. */
export const SelectedStepContext = createContext<string | null>(null);
