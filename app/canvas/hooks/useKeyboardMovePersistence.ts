// Arrow keys move the selected components without a drag (so no drag-stop event): a burst of
// such moves becomes one layout edit once the keys rest.
import type { NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';

const REST_MS = 400;

export interface KeyboardMoves {
  /** Feeds every node change; position changes outside a pointer drag are keyboard moves. */
  observe(changes: readonly NodeChange[]): void;
  pointerDragStarted(): void;
  pointerDragStopped(): void;
}

export function useKeyboardMovePersistence(commit: (ids: string[]) => void): KeyboardMoves {
  const dragging = useRef(false);
  const moved = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latestCommit = useRef(commit);
  useEffect(() => {
    latestCommit.current = commit;
  }, [commit]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const observe = useCallback((changes: readonly NodeChange[]) => {
    if (dragging.current) return;
    let any = false;
    for (const change of changes) {
      if (change.type === 'position' && change.position && !change.dragging) {
        moved.current.add(change.id);
        any = true;
      }
    }
    if (!any) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      const ids = [...moved.current];
      moved.current.clear();
      latestCommit.current(ids);
    }, REST_MS);
  }, []);

  return {
    observe,
    pointerDragStarted: useCallback(() => {
      dragging.current = true;
    }, []),
    pointerDragStopped: useCallback(() => {
      dragging.current = false;
    }, []),
  };
}
