// The box around the per-user devices or the shared servers; it follows its components.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ScopeNode } from '../model/types';

export const ScopeNodeView = memo(function ScopeNodeView({ data }: NodeProps<ScopeNode>) {
  return (
    <div className={`canvas-scope scope-${data.scope}`} data-testid={`canvas-scope-${data.scope}`}>
      <span className="scope-title">{data.title}</span>
    </div>
  );
});
