// The only file that renders <ReactFlow>. It takes the derived graph in and sends the user's
// gestures out as intents; it keeps a local copy of the nodes so that React Flow's own changes
// (measurements, selection, positions during a drag) apply at once, and it reconciles that copy
// by id whenever the document changes.
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  ConnectionMode,
  Controls,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  type OnBeforeDelete,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import { useCallback, useState } from 'react';
import type { ComponentKind } from '../../simulator/scenario/schema';
import { CANVAS_ARIA_LABELS } from './a11y/labels';
import { edgeTypes } from './edges';
import { FIT_VIEW, useFitViewWhenMeasured } from './hooks/useFitViewWhenMeasured';
import { useKeyboardMovePersistence } from './hooks/useKeyboardMovePersistence';
import type { CanvasNode, FlowGraph, LinkEdge, XY } from './model/types';
import { nodeTypes } from './nodes';
import { Palette, type PaletteDrop } from './palette/Palette';

/** Systems with more components than this get a minimap. */
const MINIMAP_FROM = 6;

export interface CanvasProps {
  graph: FlowGraph;
  selectedComponent: string | null;
  selectedLink: string | null;
  /** Each new number fits the view once the nodes are measured. */
  fitRequest: number;
  isValidConnection(a: string, b: string): boolean;
  onMove(moves: Record<string, XY>): void;
  onConnect(a: string, b: string): void;
  onDelete(components: string[], links: string[]): void;
  onSelectComponent(id: string | null): void;
  onSelectLink(id: string): void;
  onAddComponent(kind: ComponentKind, position: XY | null): void;
  onTidyUp(): void;
}

function withSelection<T extends { id: string; selected?: boolean }>(items: T[], selectedId: string | null): T[] {
  return items.map((item) =>
    Boolean(item.selected) === (item.id === selectedId) ? item : { ...item, selected: item.id === selectedId },
  );
}

/**
 * The local copy after a document change: an element whose derived object is unchanged, and
 * that React Flow has not moved, keeps its local object (measurements, selection); any other
 * takes the new object with the old measurements and selection, so that React Flow does not
 * drop and re-measure it. A component dragged and dropped takes the document's position, which
 * is relative to a scope box that may have moved with it.
 */
function reconcile<T extends { id: string; selected?: boolean; measured?: unknown; position?: XY }>(
  local: T[],
  previousDerived: T[],
  derived: T[],
): T[] {
  const localById = new Map(local.map((item) => [item.id, item]));
  const previousById = new Map(previousDerived.map((item) => [item.id, item]));
  return derived.map((item) => {
    const kept = localById.get(item.id);
    if (!kept) return item;
    const unmoved = kept.position?.x === item.position?.x && kept.position?.y === item.position?.y;
    if (previousById.get(item.id) === item && unmoved) return kept;
    return { ...item, measured: kept.measured, selected: kept.selected };
  });
}

interface LocalGraph {
  derived: FlowGraph;
  nodes: CanvasNode[];
  edges: LinkEdge[];
  selectedComponent: string | null;
  selectedLink: string | null;
}

function CanvasFlow(props: CanvasProps) {
  const { graph, selectedComponent, selectedLink } = props;
  const flow = useReactFlow<CanvasNode, LinkEdge>();
  const [local, setLocal] = useState<LocalGraph>(() => ({
    derived: graph,
    nodes: withSelection(graph.nodes, selectedComponent),
    edges: withSelection(graph.edges, selectedLink),
    selectedComponent,
    selectedLink,
  }));
  // Derived state, adjusted during render (React's pattern for props that replace state).
  if (local.derived !== graph || local.selectedComponent !== selectedComponent || local.selectedLink !== selectedLink) {
    let nodes = reconcile(local.nodes, local.derived.nodes, graph.nodes);
    let edges = reconcile(local.edges, local.derived.edges, graph.edges);
    if (local.selectedComponent !== selectedComponent || local.selectedLink !== selectedLink) {
      nodes = withSelection(nodes, selectedComponent);
      edges = withSelection(edges, selectedLink);
    }
    setLocal({ derived: graph, nodes, edges, selectedComponent, selectedLink });
  }

  const absolute = useCallback(
    (ids: readonly string[]) => {
      const moves: Record<string, XY> = {};
      for (const id of ids) {
        const node = flow.getInternalNode(id);
        if (node?.type === 'component') moves[id] = { ...node.internals.positionAbsolute };
      }
      return moves;
    },
    [flow],
  );
  const { onMove } = props;
  const keyboard = useKeyboardMovePersistence(useCallback((ids) => onMove(absolute(ids)), [onMove, absolute]));
  useFitViewWhenMeasured(props.fitRequest);

  const observeKeyboardMoves = keyboard.observe;
  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      observeKeyboardMoves(changes);
      setLocal((current) => ({ ...current, nodes: applyNodeChanges(changes, current.nodes) }));
    },
    [observeKeyboardMoves],
  );
  const onEdgesChange = useCallback((changes: EdgeChange<LinkEdge>[]) => {
    setLocal((current) => ({ ...current, edges: applyEdgeChanges(changes, current.edges) }));
  }, []);

  const onBeforeDelete: OnBeforeDelete<CanvasNode, LinkEdge> = async ({ nodes, edges }) => {
    const components = nodes.filter((node) => node.type === 'component').map((node) => node.id);
    props.onDelete(
      components,
      edges.map((edge) => edge.id),
    );
    // The removal comes back from the document, where it can be undone.
    return false;
  };

  const { onAddComponent } = props;
  const addFromPalette = useCallback(
    ({ kind, client }: PaletteDrop) => onAddComponent(kind, client ? flow.screenToFlowPosition(client) : null),
    [onAddComponent, flow],
  );

  const components = local.nodes.filter((node) => node.type === 'component').length;
  return (
    <>
      <div className="canvas-toolbar">
        <Palette onAdd={addFromPalette} />
        <button
          className="canvas-button"
          data-testid="canvas-tidy"
          onClick={props.onTidyUp}
          title="Lay every component out again (undo puts them back)"
        >
          Tidy up
        </button>
      </div>
      <div className="canvas-flow">
        <ReactFlow<CanvasNode, LinkEdge>
          nodes={local.nodes}
          edges={local.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStart={keyboard.pointerDragStarted}
          onNodeDragStop={(_event, _node, dragged) => {
            keyboard.pointerDragStopped();
            props.onMove(absolute(dragged.map((node) => node.id)));
          }}
          onNodeClick={(_event, node) => {
            if (node.type === 'component') props.onSelectComponent(node.id);
          }}
          onEdgeClick={(_event, edge) => props.onSelectLink(edge.id)}
          onPaneClick={() => props.onSelectComponent(null)}
          onConnect={(connection) => props.onConnect(connection.source, connection.target)}
          isValidConnection={(connection) => props.isValidConnection(connection.source, connection.target)}
          connectionMode={ConnectionMode.Strict}
          zIndexMode="manual"
          onBeforeDelete={onBeforeDelete}
          deleteKeyCode={['Delete', 'Backspace']}
          nodeDragThreshold={3}
          minZoom={0.2}
          maxZoom={2}
          ariaLabelConfig={CANVAS_ARIA_LABELS}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} size={1} />
          <Controls showInteractive={false} fitViewOptions={FIT_VIEW} />
          {components > MINIMAP_FROM ? (
            <MiniMap
              pannable
              zoomable
              nodeColor={(node) => (node.type === 'scope' ? 'transparent' : '#c7d2fe')}
              nodeStrokeColor={(node) => (node.type === 'scope' ? '#94a3b8' : '#3b5bdb')}
              nodeStrokeWidth={3}
            />
          ) : null}
        </ReactFlow>
      </div>
    </>
  );
}

export function Canvas(props: CanvasProps) {
  return (
    <div className="canvas" data-testid="canvas">
      <ReactFlowProvider>
        <CanvasFlow {...props} />
      </ReactFlowProvider>
    </div>
  );
}
