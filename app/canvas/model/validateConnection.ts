// Whether a link may join two components: both exist, they differ, and no link joins them
// already (in either direction: a link carries traffic both ways).
import type { ScenarioDraft } from '../../editing/draft';

export type ConnectionVerdict = { ok: true } | { ok: false; reason: string };

export function validateConnection(draft: ScenarioDraft, a: string | null, b: string | null): ConnectionVerdict {
  if (!a || !b) return { ok: false, reason: 'a link joins two components' };
  const known = new Set(draft.components.map((component) => component.id));
  if (!known.has(a) || !known.has(b)) return { ok: false, reason: `unknown component '${known.has(a) ? b : a}'` };
  if (a === b) return { ok: false, reason: 'a link joins two different components' };
  const existing = (draft.links ?? []).find(
    (link) => (link.between[0] === a && link.between[1] === b) || (link.between[0] === b && link.between[1] === a),
  );
  return existing ? { ok: false, reason: `${a} and ${b} are already joined by ${existing.id}` } : { ok: true };
}
