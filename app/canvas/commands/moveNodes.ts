// Moving components on the canvas writes their positions into the scenario's `layout`. The
// first move also records where every other component is drawn, so that the layout the user
// saw is the one saved and nothing else moves when the automatic layout would change.
import type { ScenarioDraft } from '../../editing/draft';
import type { XY } from '../model/types';

function rounded(position: XY): XY {
  return { x: Math.round(position.x), y: Math.round(position.y) };
}

/** `moves`: the moved components' new top-left corners; `shown`: where every component is drawn now. */
export function moveNodes(
  draft: ScenarioDraft,
  moves: Readonly<Record<string, XY>>,
  shown: Readonly<Record<string, XY>>,
): ScenarioDraft {
  const layout: Record<string, XY> = {};
  for (const { id } of draft.components) {
    const position = moves[id] ?? draft.layout?.[id] ?? shown[id];
    if (position) layout[id] = rounded(position);
  }
  if (JSON.stringify(layout) === JSON.stringify(draft.layout ?? {})) return draft;
  return { ...structuredClone(draft), layout };
}

/** Puts every component where the automatic layout puts it (Tidy up). */
export function applyLayout(draft: ScenarioDraft, positions: Readonly<Record<string, XY>>): ScenarioDraft {
  return moveNodes(draft, positions, {});
}
