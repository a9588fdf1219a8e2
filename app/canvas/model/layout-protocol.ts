// Messages between the canvas and its layout worker (layout.worker.ts).
import type { ElkNode } from 'elkjs/lib/elk-api';

export interface LayoutRequest {
  id: number;
  graph: ElkNode;
}

export type LayoutReply = { id: number; ok: true; graph: ElkNode } | { id: number; ok: false; message: string };
