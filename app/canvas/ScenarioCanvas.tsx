// Connects the open document to the canvas: derives the graph (toFlow) from the draft, the shown
// option and the components' positions, and turns the canvas's gestures into commands on the
// draft (each one undoable step) and selections in the inspector.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ComponentKind } from '../../simulator/scenario/schema';
import { useDiagramOption } from '../components/use-diagram-option';
import { usePlacewise, useSession } from '../context';
import type { ScenarioDraft } from '../editing/draft';
import { Canvas } from './Canvas';
import { addComponentAt } from './commands/addComponent';
import { connect } from './commands/connect';
import { applyLayout, moveNodes } from './commands/moveNodes';
import { type ChipMove, placeChip } from './commands/placeChip';
import { removeEntities } from './commands/removeEntities';
import { CanvasHeader } from './header/CanvasHeader';
import { HardwareProposalBar } from './header/HardwareProposalBar';
import { StepsStrip } from './header/StepsStrip';
import { useAutoLayout } from './hooks/useAutoLayout';
import { type CanvasIntents, CanvasIntentsContext, SelectedStepContext } from './intents';
import { autoLayout } from './model/autoLayout';
import { resolvePositions, savedPositions } from './model/positions';
import { componentSizes, layoutInput, toFlow } from './model/toFlow';
import type { FlowGraph, XY } from './model/types';
import { validateConnection } from './model/validateConnection';
import './canvas.css';

function selectedId(draft: ScenarioDraft, section: 'components' | 'links', index: number | undefined): string | null {
  if (index === undefined) return null;
  return (section === 'components' ? draft.components : (draft.links ?? []))[index]?.id ?? null;
}

export function ScenarioCanvas() {
  const { store } = useSession();
  const draft = usePlacewise((state) => state.draft)!;
  const selection = usePlacewise((state) => state.selection);
  const edit = usePlacewise((state) => state.edit);
  const select = usePlacewise((state) => state.select);
  const optionId = useDiagramOption();
  const [fitRequest, setFitRequest] = useState(0);

  const sizes = useMemo(() => componentSizes(draft, optionId), [draft, optionId]);
  const needsAutoLayout = useMemo(
    () => Object.keys(savedPositions(draft, [...sizes.keys()])).length === 0,
    [draft, sizes],
  );
  const auto = useAutoLayout(needsAutoLayout ? layoutInput(draft, sizes) : null);
  const positions = useMemo(() => resolvePositions(draft, sizes, auto), [draft, sizes, auto]);
  const previous = useRef<FlowGraph | undefined>(undefined);
  const graph = useMemo(() => {
    if (!positions) return previous.current;
    previous.current = toFlow(draft, optionId, positions, previous.current);
    return previous.current;
  }, [draft, optionId, positions]);

  // Commands read the document at the moment of the gesture, not at the last render.
  const current = useCallback(() => store.getState().draft!, [store]);
  const shown = useRef(positions ?? {});
  shown.current = positions ?? shown.current;

  const intents = useMemo<CanvasIntents>(
    () => ({
      selectStep: (index) => select({ section: 'pipeline', index }),
      selectLink: (index) => select({ section: 'links', index }),
      moveChip: (chip: ChipMove, componentId: string) => {
        if (optionId) edit((document) => placeChip(document, optionId, chip, componentId));
      },
    }),
    [edit, select, optionId],
  );

  const onMove = useCallback(
    (moves: Record<string, XY>) => edit((document) => moveNodes(document, moves, shown.current)),
    [edit],
  );
  const onConnect = useCallback(
    (a: string, b: string) => {
      const before = current();
      edit((document) => connect(document, a, b));
      const after = current();
      if (after !== before) select({ section: 'links', index: (after.links ?? []).length - 1 });
    },
    [current, edit, select],
  );
  const isValidConnection = useCallback((a: string, b: string) => validateConnection(current(), a, b).ok, [current]);
  const onDelete = useCallback(
    (components: string[], links: string[]) => {
      select(null);
      edit((document) => removeEntities(document, { components, links }));
    },
    [edit, select],
  );
  const onSelectComponent = useCallback(
    (id: string | null) => {
      const index = id === null ? -1 : current().components.findIndex((component) => component.id === id);
      select(index < 0 ? null : { section: 'components', index });
    },
    [current, select],
  );
  const onSelectLink = useCallback(
    (id: string) => {
      const index = (current().links ?? []).findIndex((link) => link.id === id);
      if (index >= 0) select({ section: 'links', index });
    },
    [current, select],
  );
  const onAddComponent = useCallback(
    (kind: ComponentKind, position: XY | null) => {
      edit((document) => addComponentAt(document, kind, position, shown.current));
      select({ section: 'components', index: current().components.length - 1 });
    },
    [current, edit, select],
  );
  const onTidyUp = useCallback(() => {
    const document = current();
    void autoLayout(layoutInput(document, componentSizes(document, optionId))).then(({ positions: tidy }) => {
      edit((latest) => applyLayout(latest, tidy));
      setFitRequest((request) => request + 1);
    });
  }, [current, edit, optionId]);

  const index = selection && 'index' in selection ? selection.index : undefined;
  const selectedStep =
    selection?.section === 'pipeline' && index !== undefined ? (draft.pipeline[index]?.id ?? null) : null;
  return (
    <CanvasIntentsContext.Provider value={intents}>
      <SelectedStepContext.Provider value={selectedStep}>
        <div className="canvas-column">
          <HardwareProposalBar />
          <CanvasHeader />
          <StepsStrip />
          {graph ? (
            <Canvas
              graph={graph}
              selectedComponent={selection?.section === 'components' ? selectedId(draft, 'components', index) : null}
              selectedLink={selection?.section === 'links' ? selectedId(draft, 'links', index) : null}
              fitRequest={fitRequest}
              isValidConnection={isValidConnection}
              onMove={onMove}
              onConnect={onConnect}
              onDelete={onDelete}
              onSelectComponent={onSelectComponent}
              onSelectLink={onSelectLink}
              onAddComponent={onAddComponent}
              onTidyUp={onTidyUp}
            />
          ) : (
            <div className="canvas" data-testid="canvas" aria-busy="true" />
          )}
        </div>
      </SelectedStepContext.Provider>
    </CanvasIntentsContext.Provider>
  );
}
