// A component from the palette: the kind's default hardware, at the point where it was dropped
// (clicked palette items go where positions.ts puts components without one).
import type { ComponentKind } from '../../../simulator/scenario/schema';
import type { ScenarioDraft } from '../../editing/draft';
import { addComponent } from '../../editing/edits';
import type { XY } from '../model/types';
import { moveNodes } from './moveNodes';

export function addComponentAt(
  draft: ScenarioDraft,
  kind: ComponentKind,
  position: XY | null,
  shown: Readonly<Record<string, XY>>,
): ScenarioDraft {
  const next = addComponent(draft, kind);
  if (!position) return next;
  const added = next.components[next.components.length - 1].id;
  return moveNodes(next, { [added]: position }, shown);
}
