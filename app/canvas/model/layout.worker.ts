// elk's layered layout off the UI thread: a canvas edit that changes a box's size (a chip moved
// to another component) re-runs the layout, which takes tens of milliseconds that the figures
// of the same edit would otherwise wait for.
import Elk from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { LayoutReply, LayoutRequest } from './layout-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const elk = new Elk();

scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, graph } = event.data;
  elk.layout(graph).then(
    (laidOut: ElkNode) => scope.postMessage({ id, ok: true, graph: laidOut } satisfies LayoutReply),
    (error: unknown) =>
      scope.postMessage({
        id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      } satisfies LayoutReply),
  );
};
