// The scenario as React Flow nodes and edges under one option: a pure function of the draft,
// the option shown and the components' positions. Scope nodes come first (parents before their
// children, as React Flow requires); a component's position is relative to its scope node.
// Unchanged entities keep the object they had in `previous`: React Flow re-adopts (and
// re-measures) every node whose object changed.
import { formatCount, formatShare } from '../../../simulator/export/figures';
import { HARDWARE_LIBRARY } from '../../../simulator/scenario/hardware-library';
import { LINK_DEFAULTS } from '../../../simulator/scenario/link-technologies';
import { defaultScope } from '../../../simulator/scenario/references';
import type { ComponentKind } from '../../../simulator/scenario/schema';
import type { ScenarioDraft } from '../../editing/draft';
import { componentAriaLabel, linkAriaLabel } from '../a11y/labels';
import type { LayoutInput } from './autoLayout';
import { bandwidthText, latencyText } from './link-text';
import { nominal } from './nominal-value';
import { componentNodeSize, SCOPE_PADDING } from './node-size';
import {
  type CanvasNode,
  type Chip,
  type ComponentNode,
  type ComponentNodeData,
  type FlowGraph,
  type LinkEdge,
  type LinkEdgeData,
  type Scope,
  type ScopeNode,
  scopeNodeId,
  type Size,
  type XY,
} from './types';
import { ownEntry } from '../../../simulator/scenario/own-entry';
import { hardwareMixText } from '../../../simulator/scenario/hardware-tiers';

type DraftComponent = ScenarioDraft['components'][number];
type DraftOption = ScenarioDraft['options'][number];

const SCOPES: readonly Scope[] = ['per-user', 'shared'];

export function scopeOf(component: Pick<DraftComponent, 'scope' | 'kind'>): Scope {
  return component.scope ?? defaultScope(component.kind as ComponentKind);
}

/** Each component once: while the user edits, ids may repeat; the first one is drawn. */
export function distinctComponents(draft: ScenarioDraft): { component: DraftComponent; index: number }[] {
  const seen = new Set<string>();
  const result: { component: DraftComponent; index: number }[] = [];
  draft.components.forEach((component, index) => {
    if (seen.has(component.id)) return;
    seen.add(component.id);
    result.push({ component, index });
  });
  return result;
}

function entries<T>(record: Record<string, T> | undefined): [string, T][] {
  return record && typeof record === 'object' ? Object.entries(record) : [];
}

/** What runs on each component under the option: its steps in pipeline order, then fallbacks, then caches. */
export function chipsByComponent(draft: ScenarioDraft, option: DraftOption | undefined): Map<string, Chip[]> {
  const chips = new Map<string, Chip[]>();
  const add = (componentId: unknown, chip: Chip) => {
    if (typeof componentId !== 'string') return;
    chips.set(componentId, [...(chips.get(componentId) ?? []), chip]);
  };
  const stepIndex = (id: string) => draft.pipeline.findIndex((step) => step.id === id);
  draft.pipeline.forEach((step, index) => {
    const pinned = step.at !== undefined;
    add(step.at ?? ownEntry(option?.place, step.id), {
      kind: 'step',
      step: step.id,
      stepIndex: index,
      detail: step.model ?? null,
      pinned,
    });
  });
  for (const [step, fallback] of entries(option?.fallback)) {
    const model = typeof fallback?.model === 'string' ? fallback.model : 'same model';
    add(fallback?.at, { kind: 'fallback', step, stepIndex: stepIndex(step), detail: model, pinned: false });
  }
  for (const [step, cache] of entries(option?.cache)) {
    add(cache?.at, {
      kind: 'cache',
      step,
      stepIndex: stepIndex(step),
      detail: hitsText(cache?.hit_rate),
      pinned: false,
    });
  }
  return chips;
}

/** A cache's hit rate, an uncertain one read at its nominal value and marked ≈ (a chip is narrow). */
function hitsText(rate: unknown): string | null {
  const { value, uncertain } = nominal(rate);
  return typeof value === 'number' ? `${uncertain ? '≈' : ''}${formatShare(value)} hits` : null;
}

/** Each drawn component's box size under the option, in drawing order. */
export function componentSizes(draft: ScenarioDraft, optionId: string | null): Map<string, Size> {
  const chips = chipsByComponent(
    draft,
    draft.options.find((option) => option.id === optionId),
  );
  return new Map(
    distinctComponents(draft).map(({ component }) => [
      component.id,
      componentNodeSize(chips.get(component.id)?.length ?? 0),
    ]),
  );
}

/** What the automatic layout needs: the boxes by scope and the links between them. */
export function layoutInput(draft: ScenarioDraft, sizes: ReadonlyMap<string, Size>): LayoutInput {
  const components = distinctComponents(draft).map(({ component }) => ({
    id: component.id,
    scope: scopeOf(component),
    size: sizes.get(component.id) ?? componentNodeSize(0),
  }));
  const edges = linkEdges(draft, new Set(components.map((component) => component.id)));
  return { components, links: edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target })) };
}

function hardwareLabel(draft: ScenarioDraft, hardware: string): string {
  return ownEntry(draft.hardware, hardware)?.label ?? ownEntry(HARDWARE_LIBRARY, hardware)?.label ?? hardware;
}

function endpointOf(draft: ScenarioDraft, id: string): ComponentNode['data']['endpoint'] {
  const { source, sink = source } = draft.workload;
  if (id === source && id === sink) return 'source and sink';
  if (id === source) return 'source';
  return id === sink ? 'sink' : null;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function scopeBox(members: { position: XY; width: number; height: number }[]): Box {
  const left = Math.min(...members.map((member) => member.position.x)) - SCOPE_PADDING.side;
  const top = Math.min(...members.map((member) => member.position.y)) - SCOPE_PADDING.top;
  const right = Math.max(...members.map((member) => member.position.x + member.width)) + SCOPE_PADDING.side;
  const bottom = Math.max(...members.map((member) => member.position.y + member.height)) + SCOPE_PADDING.bottom;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function scopeTitle(draft: ScenarioDraft, scope: Scope): string {
  const users = draft.workload.users;
  return scope === 'shared'
    ? 'Shared by all users'
    : `Per user${typeof users === 'number' ? ` · ${formatCount(users)} users` : ''}`;
}

function linkEdges(draft: ScenarioDraft, drawn: Set<string>): LinkEdge[] {
  const seen = new Set<string>();
  const edges: LinkEdge[] = [];
  (draft.links ?? []).forEach((link, index) => {
    const [a, b] = link.between ?? [];
    if (seen.has(link.id) || a === b || !drawn.has(a) || !drawn.has(b)) return;
    seen.add(link.id);
    const defaults = ownEntry(LINK_DEFAULTS, link.tech);
    const data: LinkEdgeData = {
      linkId: link.id,
      index,
      tech: link.tech,
      latency: latencyText(link.latency_ms ?? defaults?.latency_ms),
      bandwidth: bandwidthText(link.mbps ?? defaults?.mbps),
    };
    edges.push({ id: link.id, type: 'link', source: a, target: b, data, ariaLabel: linkAriaLabel(data, a, b) });
  });
  return edges;
}

/** Keeps the previous object where nothing in it changed. */
function reuse<T extends { id: string }>(next: T[], previous: readonly T[] | undefined): T[] {
  if (!previous) return next;
  const before = new Map(previous.map((item) => [item.id, item]));
  return next.map((item) => {
    const old = before.get(item.id);
    return old && JSON.stringify(old) === JSON.stringify(item) ? old : item;
  });
}

/**
 * Nodes and edges of the draft under `optionId`. `positions` holds each component's top-left
 * corner in canvas coordinates; a component without one is drawn at the origin (the caller
 * resolves positions first, see positions.ts).
 */
export function toFlow(
  draft: ScenarioDraft,
  optionId: string | null,
  positions: Readonly<Record<string, XY>>,
  previous?: FlowGraph,
): FlowGraph {
  const option = draft.options.find((candidate) => candidate.id === optionId);
  const chips = chipsByComponent(draft, option);
  const placed = distinctComponents(draft).map(({ component, index }) => {
    const componentChips = chips.get(component.id) ?? [];
    return {
      component,
      index,
      scope: scopeOf(component),
      chips: componentChips,
      position: ownEntry(positions, component.id) ?? { x: 0, y: 0 },
      ...componentNodeSize(componentChips.length),
    };
  });

  const scopeNodes: ScopeNode[] = [];
  const componentNodes: ComponentNode[] = [];
  for (const scope of SCOPES) {
    const members = placed.filter((member) => member.scope === scope);
    if (members.length === 0) continue;
    const box = scopeBox(members);
    const parentId = scopeNodeId(scope);
    scopeNodes.push({
      id: parentId,
      type: 'scope',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: { scope, title: scopeTitle(draft, scope) },
      draggable: false,
      selectable: false,
      focusable: false,
      zIndex: -1,
    });
    for (const member of members) {
      const { component } = member;
      const data: ComponentNodeData = {
        componentId: component.id,
        index: member.index,
        label: component.label ?? component.id,
        kind: component.kind,
        hardware: component.hardware_mix
          ? hardwareMixText(component.hardware_mix)
          : hardwareLabel(draft, component.hardware ?? ''),
        scope,
        endpoint: endpointOf(draft, component.id),
        chips: member.chips,
      };
      componentNodes.push({
        id: component.id,
        type: 'component',
        parentId,
        position: { x: member.position.x - box.x, y: member.position.y - box.y },
        width: member.width,
        height: member.height,
        data,
        ariaLabel: componentAriaLabel(data),
      });
    }
  }
  const nodes: CanvasNode[] = [...scopeNodes, ...componentNodes];
  return {
    nodes: reuse(nodes, previous?.nodes),
    edges: reuse(linkEdges(draft, new Set(placed.map((member) => member.component.id))), previous?.edges),
  };
}
