// The canvas's node and edge types: components are nodes inside a per-user or a shared scope
// node, links are edges. Node data holds the document's facts only; simulated figures come from
// their own selectors (figures.ts), so that a new result never rebuilds the nodes.
import type { Edge, Node } from '@xyflow/react';

export interface XY {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export type Scope = 'per-user' | 'shared';

/** What runs on a component under the shown option: a step, a step's fallback, or a cache of its answers. */
export type ChipKind = 'step' | 'fallback' | 'cache';

export interface Chip {
  kind: ChipKind;
  /** The step's id (a fallback and a cache belong to a step too). */
  step: string;
  /** The step's index in the pipeline, for selection; -1 for a fallback or cache of a step that does not exist. */
  stepIndex: number;
  /** The model, or the cache's hit rate. */
  detail: string | null;
  /** A step pinned with `at` runs there in every option: its chip does not move with the option. */
  pinned: boolean;
}

export interface ComponentNodeData extends Record<string, unknown> {
  componentId: string;
  /** Its index in the scenario's components, for selection. */
  index: number;
  label: string;
  kind: string;
  hardware: string;
  scope: Scope;
  /** Requests start here, end here, or both. */
  endpoint: 'source' | 'sink' | 'source and sink' | null;
  chips: Chip[];
}

export interface ScopeNodeData extends Record<string, unknown> {
  scope: Scope;
  title: string;
}

export type ComponentNode = Node<ComponentNodeData, 'component'>;
export type ScopeNode = Node<ScopeNodeData, 'scope'>;
export type CanvasNode = ComponentNode | ScopeNode;

export interface LinkEdgeData extends Record<string, unknown> {
  linkId: string;
  index: number;
  tech: string;
  latency: string;
  bandwidth: string;
}

export type LinkEdge = Edge<LinkEdgeData, 'link'>;

export interface FlowGraph {
  /** Scope nodes first: React Flow needs a parent before its children. */
  nodes: CanvasNode[];
  edges: LinkEdge[];
}

/** Ids of the scope nodes; component ids cannot clash with them (ids start with a letter or digit). */
export function scopeNodeId(scope: Scope): string {
  return `@scope:${scope}`;
}
