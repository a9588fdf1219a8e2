// A step (or a step's fallback or cache) inside the component that runs it under the shown
// option, with its simulated mean time. Drag it onto another component to run it there; click it
// to edit the step.
import { memo, useContext } from 'react';
import { formatMs } from '../../../simulator/export/figures';
import { usePointerDrag } from '../hooks/usePointerDrag';
import { useStepMean } from '../hooks/useFigures';
import { SelectedStepContext, useCanvasIntents } from '../intents';
import type { Chip } from '../model/types';

const KIND_TEXT = { step: '', fallback: 'fallback', cache: 'cache' } as const;

function chipTitle(chip: Chip): string {
  if (chip.pinned) return `${chip.step} is pinned here in every option (change "Pinned at" to move it)`;
  if (chip.kind === 'step') return `${chip.step}: drag onto another component to run it there in this option`;
  return `${chip.step} ${KIND_TEXT[chip.kind]}: drag onto another component to move it in this option`;
}

export const StepChip = memo(function StepChip({ chip }: { chip: Chip }) {
  const intents = useCanvasIntents();
  const mean = useStepMean(chip.step);
  const selected = useContext(SelectedStepContext) === chip.step;
  const movable = !chip.pinned;
  const { handlers, wasDragged, ghost, dragging } = usePointerDrag(
    '[data-component-id]',
    ({ target }) => {
      const componentId = target?.getAttribute('data-component-id');
      if (componentId) intents.moveChip({ kind: chip.kind, step: chip.step }, componentId);
    },
    <span className={`step-chip chip-${chip.kind}`}>{chip.step}</span>,
  );
  const label = chip.kind === 'step' ? chip.step : `${chip.step} ${KIND_TEXT[chip.kind]}`;
  const figure = chip.kind === 'step' && mean !== undefined ? formatMs(mean) : null;
  return (
    <li
      className={`step-chip chip-${chip.kind} nodrag nopan${chip.pinned ? ' pinned' : ''}${dragging ? ' dragging' : ''}${selected ? ' selected' : ''}`}
      data-testid={`canvas-chip-${chip.kind}-${chip.step}`}
      title={chipTitle(chip)}
      {...(movable ? handlers : {})}
      onClick={(event) => {
        event.stopPropagation();
        if (movable && wasDragged()) return;
        if (chip.stepIndex >= 0) intents.selectStep(chip.stepIndex);
      }}
    >
      {chip.pinned ? (
        <svg className="pin" viewBox="0 0 16 16" width="12" height="12" aria-label="pinned">
          <path d="M6 2h4v5l2 2H4l2-2zM8 9v5" />
        </svg>
      ) : null}
      <span className="chip-name">{label}</span>
      {chip.detail ? <span className="chip-detail">{chip.detail}</span> : null}
      {figure ? <span className="chip-figure">{figure}</span> : null}
      {ghost}
    </li>
  );
});
