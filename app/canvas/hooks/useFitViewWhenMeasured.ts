// Fits the view once React Flow has measured the nodes, for each new request: fitting before
// measurement frames only some of them.
import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/** Never zoom in past 100% to fit a small system: its text would look blown up. */
export const FIT_VIEW = { padding: 0.08, maxZoom: 1 } as const;

export function useFitViewWhenMeasured(request: number): void {
  const measured = useNodesInitialized();
  const { fitView } = useReactFlow();
  const done = useRef<number | null>(null);
  useEffect(() => {
    if (!measured || done.current === request) return;
    done.current = request;
    void fitView(FIT_VIEW);
  }, [measured, request, fitView]);
}
