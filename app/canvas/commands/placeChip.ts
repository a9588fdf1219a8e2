// Dropping a chip on another component changes the shown option: a step's placement, or where
// its fallback runs or its cache answers. A step pinned with `at` runs there in every option, so
// its chip stays: moving it would silently change the other options too (the inspector's
// "Pinned at" field moves it for all of them).
import type { ScenarioDraft } from '../../editing/draft';
import type { ChipKind } from '../model/types';

export interface ChipMove {
  kind: ChipKind;
  step: string;
}

export function placeChip(draft: ScenarioDraft, optionId: string, chip: ChipMove, componentId: string): ScenarioDraft {
  const optionIndex = draft.options.findIndex((option) => option.id === optionId);
  const step = draft.pipeline.find((candidate) => candidate.id === chip.step);
  if (optionIndex < 0 || !draft.components.some((component) => component.id === componentId)) return draft;
  const option = draft.options[optionIndex];
  const current =
    chip.kind === 'step'
      ? option.place?.[chip.step]
      : chip.kind === 'fallback'
        ? option.fallback?.[chip.step]?.at
        : option.cache?.[chip.step]?.at;
  if (current === componentId || (chip.kind === 'step' && (!step || step.at !== undefined))) return draft;
  if (chip.kind !== 'step' && current === undefined) return draft;

  const next = structuredClone(draft);
  const moved = next.options[optionIndex];
  if (chip.kind === 'step') moved.place = { ...moved.place, [chip.step]: componentId };
  else if (chip.kind === 'fallback') moved.fallback![chip.step].at = componentId;
  else moved.cache![chip.step].at = componentId;
  return next;
}
