// Where elk runs: in a Web Worker in the app, so that laying out never blocks an edit's figures;
// in the same thread where there are no workers (unit tests in Node). elk is a large module
// either way: it loads the first time a layout is needed, not with the app.
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { LayoutReply, LayoutRequest } from './layout-protocol';

export type LayoutGraph = (graph: ElkNode) => Promise<ElkNode>;

let engine: Promise<LayoutGraph> | null = null;

function inThisThread(): Promise<LayoutGraph> {
  return import('elkjs/lib/elk.bundled.js').then(({ default: Elk }) => {
    const elk = new Elk();
    return (graph) => elk.layout(graph);
  });
}

function inWorker(): LayoutGraph {
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve(graph: ElkNode): void; reject(error: Error): void }>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<LayoutReply>) => {
    const reply = event.data;
    const caller = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) caller?.resolve(reply.graph);
    else caller?.reject(new Error(reply.message));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const caller of waiting.values()) caller.reject(new Error(event.message || 'the layout worker failed'));
    waiting.clear();
    // The next layout starts a fresh worker.
    engine = null;
    worker.terminate();
  };
  return (graph) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, graph } satisfies LayoutRequest);
    });
}

/**
 * The engine, started on first use. The app starts it while the page loads: elk takes about a
 * second to load and compile in a worker, which then overlaps the page's own start.
 */
export function layoutEngine(): Promise<LayoutGraph> {
  engine ??= typeof Worker === 'undefined' ? inThisThread() : Promise.resolve(inWorker());
  return engine;
}
