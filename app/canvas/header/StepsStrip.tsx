// The pipeline in order, with where the shown option runs each step: drag a step along the
// strip to change the order every request runs them in; click one to edit it.
import { memo, useCallback, useContext } from 'react';
import { useDiagramOption } from '../../components/use-diagram-option';
import { usePlacewise } from '../../context';
import { reorderStep } from '../commands/reorderStep';
import { usePointerDrag } from '../hooks/usePointerDrag';
import { SelectedStepContext, useCanvasIntents } from '../intents';

const StripStep = memo(function StripStep({
  id,
  index,
  runsOn,
  onReorder,
}: {
  id: string;
  index: number;
  runsOn: string | null;
  onReorder(from: number, to: number): void;
}) {
  const intents = useCanvasIntents();
  const selected = useContext(SelectedStepContext) === id;
  const { handlers, wasDragged, ghost, dragging } = usePointerDrag(
    '[data-strip-index]',
    ({ target }) => {
      const to = Number(target?.getAttribute('data-strip-index'));
      if (target && Number.isInteger(to)) onReorder(index, to);
    },
    <span className="strip-step">{id}</span>,
  );
  return (
    <li
      className={`strip-step${selected ? ' selected' : ''}${dragging ? ' dragging' : ''}`}
      data-strip-index={index}
      data-testid={`strip-step-${id}`}
      title="Drag to reorder the steps; click to edit"
      {...handlers}
      onClick={() => {
        if (!wasDragged()) intents.selectStep(index);
      }}
    >
      <span className="strip-order">{index + 1}</span> {id}
      {runsOn ? <span className="strip-where"> on {runsOn}</span> : null}
      {ghost}
    </li>
  );
});

export function StepsStrip() {
  const pipeline = usePlacewise((state) => state.draft?.pipeline);
  const options = usePlacewise((state) => state.draft?.options);
  const edit = usePlacewise((state) => state.edit);
  const optionId = useDiagramOption();
  const onReorder = useCallback((from: number, to: number) => edit((draft) => reorderStep(draft, from, to)), [edit]);
  if (!pipeline) return null;
  const option = options?.find((candidate) => candidate.id === optionId);
  return (
    <ol className="steps-strip" aria-label="Steps in order" data-testid="steps-strip">
      {pipeline.map((step, index) => (
        <StripStep
          key={`${step.id}:${index}`}
          id={step.id}
          index={index}
          runsOn={step.at ?? option?.place?.[step.id] ?? null}
          onReorder={onReorder}
        />
      ))}
    </ol>
  );
}
