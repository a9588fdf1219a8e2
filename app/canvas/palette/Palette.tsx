// The components one can add: click one to add it beside the others, or drag it onto the canvas.
import { memo } from 'react';
import { COMPONENT_KINDS, type ComponentKind } from '../../../simulator/scenario/schema';
import { usePointerDrag } from '../hooks/usePointerDrag';
import { KindIcon } from '../nodes/KindIcon';

export interface PaletteDrop {
  kind: ComponentKind;
  /** Where it was dropped on the canvas, in screen coordinates; null for a click. */
  client: { x: number; y: number } | null;
}

const PaletteItem = memo(function PaletteItem({
  kind,
  onAdd,
}: {
  kind: ComponentKind;
  onAdd(drop: PaletteDrop): void;
}) {
  const { handlers, wasDragged, ghost } = usePointerDrag(
    '.react-flow',
    ({ target, clientX, clientY }) => {
      if (target) onAdd({ kind, client: { x: clientX, y: clientY } });
    },
    <span className="palette-ghost">
      <KindIcon kind={kind} /> {kind}
    </span>,
  );
  return (
    <button
      className="palette-item nodrag nopan"
      data-testid={`palette-${kind}`}
      title={`Add a ${kind}: click, or drag it onto the canvas`}
      {...handlers}
      onClick={() => {
        if (!wasDragged()) onAdd({ kind, client: null });
      }}
    >
      <KindIcon kind={kind} />
      <span>{kind}</span>
      {ghost}
    </button>
  );
});

export const Palette = memo(function Palette({ onAdd }: { onAdd(drop: PaletteDrop): void }) {
  return (
    <div className="palette" role="toolbar" aria-label="Add a component">
      <span className="palette-title">Add</span>
      {COMPONENT_KINDS.map((kind) => (
        <PaletteItem key={kind} kind={kind} onAdd={onAdd} />
      ))}
    </div>
  );
});
