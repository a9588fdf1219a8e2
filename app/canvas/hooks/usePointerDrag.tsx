// Dragging something that is not a node (a step chip, a palette item, a step in the strip) onto
// a drop target, with pointer events: React Flow leaves elements marked `nodrag nopan` alone,
// and the browser's HTML drag and drop would fight its own pointer handling. A press that does
// not move is a click.
import { type PointerEvent as ReactPointerEvent, type ReactNode, useRef, useState } from 'react';
import { createPortal } from 'react-dom';

const THRESHOLD_PX = 4;
const TARGET_CLASS = 'drop-target';

export interface PointerDrop {
  /** The drop target under the pointer (matching `dropSelector`), if any. */
  target: Element | null;
  clientX: number;
  clientY: number;
}

export interface PointerDragHandlers {
  onPointerDown(event: ReactPointerEvent): void;
  onPointerMove(event: ReactPointerEvent): void;
  onPointerUp(event: ReactPointerEvent): void;
  onPointerCancel(event: ReactPointerEvent): void;
}

function targetAt(x: number, y: number, selector: string): Element | null {
  return document.elementFromPoint(x, y)?.closest(selector) ?? null;
}

export function usePointerDrag(
  dropSelector: string,
  onDrop: (drop: PointerDrop) => void,
  ghost: ReactNode,
): {
  /** To spread on the dragged element. */
  handlers: PointerDragHandlers;
  /** Whether the last press became a drag (a click after it is not a click). */
  wasDragged(): boolean;
  ghost: ReactNode;
  dragging: boolean;
} {
  const start = useRef<{ x: number; y: number; id: number } | null>(null);
  const dragged = useRef(false);
  const highlighted = useRef<Element | null>(null);
  const [point, setPoint] = useState<{ x: number; y: number } | null>(null);

  const highlight = (target: Element | null) => {
    if (highlighted.current === target) return;
    highlighted.current?.classList.remove(TARGET_CLASS);
    target?.classList.add(TARGET_CLASS);
    highlighted.current = target;
  };
  const finish = (event: ReactPointerEvent) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      event.currentTarget.releasePointerCapture(event.pointerId);
    }
    highlight(null);
    start.current = null;
    setPoint(null);
  };

  const handlers: PointerDragHandlers = {
    onPointerDown(event) {
      if (event.button !== 0) return;
      event.stopPropagation();
      event.currentTarget.setPointerCapture(event.pointerId);
      start.current = { x: event.clientX, y: event.clientY, id: event.pointerId };
      dragged.current = false;
    },
    onPointerMove(event) {
      const origin = start.current;
      if (!origin || origin.id !== event.pointerId) return;
      if (!dragged.current && Math.hypot(event.clientX - origin.x, event.clientY - origin.y) < THRESHOLD_PX) return;
      dragged.current = true;
      setPoint({ x: event.clientX, y: event.clientY });
      highlight(targetAt(event.clientX, event.clientY, dropSelector));
    },
    onPointerUp(event) {
      if (!start.current) return;
      const drop = dragged.current
        ? {
            target: targetAt(event.clientX, event.clientY, dropSelector),
            clientX: event.clientX,
            clientY: event.clientY,
          }
        : null;
      finish(event);
      if (drop) onDrop(drop);
    },
    onPointerCancel: finish,
  };

  const shown =
    point === null
      ? null
      : createPortal(
          <div className="drag-ghost" style={{ left: point.x + 8, top: point.y + 8 }}>
            {ghost}
          </div>,
          document.body,
        );
  return { handlers, wasDragged: () => dragged.current, ghost: shown, dragging: point !== null };
}
