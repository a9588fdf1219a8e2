// Automatic layout: the per-user devices in one column on the left, the shared servers in
// another on the right, each laid out top to bottom by elk's layered algorithm along their
// links. A link's label sits in the middle of its line, so the gaps between layers (and
// between the two columns) are wider than a label: a label never sits on a box. Returns
// positions only; it never touches the store.
import type { ElkNode } from 'elkjs/lib/elk-api';
import { layoutEngine } from './layout-engine';
import { SCOPE_PADDING } from './node-size';
import type { Scope, Size, XY } from './types';

export interface LayoutInput {
  components: { id: string; scope: Scope; size: Size }[];
  links: { id: string; source: string; target: string }[];
}

export interface LayoutBox extends XY, Size {}

export interface AutoLayout {
  /** Each component's top-left corner, in canvas coordinates. */
  positions: Record<string, XY>;
  /** The box around each scope's components (its title at the top). */
  scopes: Partial<Record<Scope, LayoutBox>>;
}

/** The most room a link's label takes: its name and technology, latency and bandwidth, load. */
export const LINK_LABEL_SIZE: Size = { width: 240, height: 62 };
const LABEL_MARGIN = 16;
/** Between the two scope boxes: a label on a link from one to the other fits in between. */
const SCOPE_GAP = LINK_LABEL_SIZE.width + 2 * LABEL_MARGIN - 2 * SCOPE_PADDING.side;

const SCOPE_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.layered.spacing.nodeNodeBetweenLayers': String(LINK_LABEL_SIZE.height + 2 * LABEL_MARGIN),
  'elk.spacing.nodeNode': '48',
  'elk.spacing.componentComponent': '48',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.padding': `[top=${SCOPE_PADDING.top},left=${SCOPE_PADDING.side},bottom=${SCOPE_PADDING.bottom},right=${SCOPE_PADDING.side}]`,
};

async function layoutScope(input: LayoutInput, scope: Scope): Promise<{ box: Size; positions: Record<string, XY> }> {
  const members = input.components.filter((component) => component.scope === scope);
  const inside = new Set(members.map((member) => member.id));
  const graph: ElkNode = {
    id: scope,
    layoutOptions: SCOPE_OPTIONS,
    children: members.map((member) => ({ id: member.id, ...member.size })),
    edges: input.links
      .filter((link) => inside.has(link.source) && inside.has(link.target))
      .map((link) => ({ id: link.id, sources: [link.source], targets: [link.target] })),
  };
  const laidOut = await (await layoutEngine())(graph);
  const positions: Record<string, XY> = Object.create(null);
  for (const child of laidOut.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return { box: { width: laidOut.width ?? 0, height: laidOut.height ?? 0 }, positions };
}

export async function autoLayout(input: LayoutInput): Promise<AutoLayout> {
  const scopes = (['per-user', 'shared'] as const).filter((scope) =>
    input.components.some((component) => component.scope === scope),
  );
  const laidOut = await Promise.all(scopes.map((scope) => layoutScope(input, scope)));
  // Side by side, centred on each other's middle, so that links across are nearly level.
  const tallest = Math.max(...laidOut.map(({ box }) => box.height));
  const layout: AutoLayout = { positions: Object.create(null), scopes: {} };
  let x = 0;
  scopes.forEach((scope, index) => {
    const { box, positions } = laidOut[index];
    const origin = { x, y: Math.round((tallest - box.height) / 2) };
    layout.scopes[scope] = { ...origin, ...box };
    for (const [id, position] of Object.entries(positions)) {
      layout.positions[id] = { x: Math.round(origin.x + position.x), y: Math.round(origin.y + position.y) };
    }
    x += box.width + SCOPE_GAP;
  });
  return layout;
}
