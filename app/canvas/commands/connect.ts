// A link drawn from one component to another, with the technology their kinds suggest; the
// simulator fills in that technology's latency, bandwidth and price until the user sets them.
import type { ScenarioDraft } from '../../editing/draft';
import { uniqueId } from '../../editing/edits';
import { defaultTech } from '../model/default-tech';
import { validateConnection } from '../model/validateConnection';

export function connect(draft: ScenarioDraft, a: string, b: string): ScenarioDraft {
  if (!validateConnection(draft, a, b).ok) return draft;
  const kindOf = (id: string) => draft.components.find((component) => component.id === id)!.kind;
  const next = structuredClone(draft);
  const links = next.links ?? [];
  const taken = links.map((link) => link.id);
  const base = `${a}-${b}`;
  links.push({
    id: taken.includes(base) ? uniqueId(taken, base) : base,
    between: [a, b],
    tech: defaultTech(kindOf(a), kindOf(b)),
  });
  next.links = links;
  return next;
}
