// Deleting on the canvas: the selected links, then the selected components (with their links
// and positions), in one edit so that one undo brings them all back.
import type { ScenarioDraft } from '../../editing/draft';
import { removeItem } from '../../editing/edits';

export function removeEntities(
  draft: ScenarioDraft,
  remove: { components: readonly string[]; links: readonly string[] },
): ScenarioDraft {
  let next = draft;
  for (const linkId of remove.links) {
    const index = (next.links ?? []).findIndex((link) => link.id === linkId);
    if (index >= 0) next = removeItem(next, 'links', index);
  }
  for (const componentId of remove.components) {
    const index = next.components.findIndex((component) => component.id === componentId);
    if (index >= 0) next = removeItem(next, 'components', index);
  }
  return next;
}
