// Dragging a step along the steps strip changes the order in which every request runs them.
import type { ScenarioDraft } from '../../editing/draft';

/** Moves the step at `from` so that it ends up at index `to`. */
export function reorderStep(draft: ScenarioDraft, from: number, to: number): ScenarioDraft {
  const count = draft.pipeline.length;
  if (from === to || from < 0 || to < 0 || from >= count || to >= count) return draft;
  const next = structuredClone(draft);
  const [step] = next.pipeline.splice(from, 1);
  next.pipeline.splice(to, 0, step);
  return next;
}
