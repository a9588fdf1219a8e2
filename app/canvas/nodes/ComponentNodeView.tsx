// A component on the canvas: its kind's icon, name and hardware, its live figures (utilisation,
// red when saturated or over budget; battery hours), the chips of what runs on it, and handles
// to draw links from. The whole box accepts a link being drawn to it.
import { Handle, type NodeProps, Position, useConnection } from '@xyflow/react';
import { memo } from 'react';
import { formatHours, formatShare } from '../../../simulator/export/figures';
import { useComponentFigures } from '../hooks/useFigures';
import type { ComponentNode } from '../model/types';
import { KindIcon } from './KindIcon';
import { StepChip } from './StepChip';

function Figures({ componentId, endpoint }: { componentId: string; endpoint: string | null }) {
  const figures = useComponentFigures(componentId);
  const busy =
    figures?.utilization === null || figures?.utilization === undefined
      ? null
      : figures.saturated
        ? `saturated (${formatShare(figures.utilization)})`
        : `${formatShare(figures.utilization)} busy`;
  return (
    <div className="component-figures" data-testid={`canvas-figures-${componentId}`}>
      {busy ? <span className={figures?.saturated ? 'figure-bad' : undefined}>{busy}</span> : null}
      {figures?.batteryHours !== null && figures?.batteryHours !== undefined ? (
        <span className={figures.overBudget && !figures.saturated ? 'figure-bad' : undefined}>
          battery {formatHours(figures.batteryHours)}
        </span>
      ) : null}
      {!busy && figures ? <span className="figure-quiet">idle in this option</span> : null}
      {!busy && endpoint ? <span className="figure-quiet">{endpoint}</span> : null}
    </div>
  );
}

function WarningBadge({ componentId }: { componentId: string }) {
  const warnings = useComponentFigures(componentId)?.warnings ?? [];
  if (warnings.length === 0) return null;
  return (
    <span className="warning-badge" role="img" aria-label={warnings.join('; ')} title={warnings.join('\n')}>
      !
    </span>
  );
}

export const ComponentNodeView = memo(function ComponentNodeView({ data, selected }: NodeProps<ComponentNode>) {
  const overBudget = useComponentFigures(data.componentId)?.overBudget ?? false;
  const connecting = useConnection((connection) => connection.inProgress);
  return (
    <div
      className={`canvas-component scope-${data.scope}${selected ? ' selected' : ''}${overBudget ? ' over-budget' : ''}`}
      data-testid={`canvas-node-${data.componentId}`}
      data-component-id={data.componentId}
    >
      <Handle type="target" position={Position.Left} className={`link-target${connecting ? ' connecting' : ''}`} />
      <header className="component-header">
        <span className={`kind-badge kind-${data.kind}`}>
          <KindIcon kind={data.kind} />
        </span>
        <span className="component-names">
          <strong className="component-name" title={data.label}>
            {data.label}
          </strong>
          <span className="component-hardware" title={data.hardware}>
            {data.kind} · {data.hardware}
          </span>
        </span>
        <WarningBadge componentId={data.componentId} />
      </header>
      <Figures componentId={data.componentId} endpoint={data.endpoint} />
      <ul className="chips">
        {data.chips.map((chip) => (
          <StepChip key={`${chip.kind}:${chip.step}`} chip={chip} />
        ))}
      </ul>
      <Handle
        type="source"
        position={Position.Right}
        className="link-source"
        data-testid={`canvas-handle-${data.componentId}`}
        title="Drag to another component to link them"
      />
    </div>
  );
});
