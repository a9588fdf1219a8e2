// Where each component is drawn: the position the user gave it (the scenario's `layout`),
// else the automatic layout's. Once the user has placed any component, the components without
// a position (added in the outline, say) go in a column to the right of the placed ones, so
// that they never land on top of them and placed components never move by themselves.
import type { ScenarioDraft } from '../../editing/draft';
import { NODE_WIDTH } from './node-size';
import type { Size, XY } from './types';

const COLUMN_GAP = 120;
const ROW_GAP = 48;

function isPosition(value: unknown): value is XY {
  return (
    typeof value === 'object' && value !== null && Number.isFinite((value as XY).x) && Number.isFinite((value as XY).y)
  );
}

/** The user's positions, for the components that have one. */
export function savedPositions(draft: ScenarioDraft, ids: readonly string[]): Record<string, XY> {
  const saved: Record<string, XY> = {};
  for (const id of ids) {
    const position: unknown = draft.layout?.[id];
    if (isPosition(position)) saved[id] = { x: position.x, y: position.y };
  }
  return saved;
}

/**
 * Every component's top-left corner, or null while the automatic layout it needs is not ready.
 * `sizes` lists the components in drawing order.
 */
export function resolvePositions(
  draft: ScenarioDraft,
  sizes: ReadonlyMap<string, Size>,
  auto: Readonly<Record<string, XY>> | null,
): Record<string, XY> | null {
  const ids = [...sizes.keys()];
  const saved = savedPositions(draft, ids);
  const placed = Object.values(saved);
  if (placed.length === 0) {
    if (!auto || !ids.every((id) => auto[id])) return null;
    return Object.fromEntries(ids.map((id) => [id, auto[id]]));
  }
  const positions = { ...saved };
  const x = Math.max(...placed.map((position) => position.x)) + NODE_WIDTH + COLUMN_GAP;
  let y = Math.min(...placed.map((position) => position.y));
  for (const id of ids) {
    if (positions[id]) continue;
    positions[id] = { x, y };
    y += sizes.get(id)!.height + ROW_GAP;
  }
  return positions;
}
