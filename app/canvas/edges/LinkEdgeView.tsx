// A link: a straight line between the two boxes' borders, and a label in the middle with its
// technology, latency and bandwidth, and the shown option's utilisation and data per month
// (red when it breaks the link budget or saturates). Click the label to edit the link.
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, type InternalNode, useInternalNode } from '@xyflow/react';
import { memo } from 'react';
import { formatShare, trim } from '../../../simulator/export/figures';
import { useLinkFigures } from '../hooks/useFigures';
import { useCanvasIntents } from '../intents';
import type { LinkEdge } from '../model/types';
import { type Box, floatingEnds } from './floating-ends';

function boxOf(node: InternalNode): Box {
  return {
    ...node.internals.positionAbsolute,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

function LinkFiguresLine({ linkId }: { linkId: string }) {
  const figures = useLinkFigures(linkId);
  if (!figures) return <span className="figure-quiet">no traffic in this option</span>;
  return (
    <span className={figures.overBudget ? 'figure-bad' : undefined}>
      {formatShare(figures.utilization)} busy · {Number(trim(figures.gbPerMonth)).toLocaleString('en-US')} GB/month
    </span>
  );
}

export const LinkEdgeView = memo(function LinkEdgeView({ id, source, target, data, selected }: EdgeProps<LinkEdge>) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  const intents = useCanvasIntents();
  const figures = useLinkFigures(data?.linkId ?? id);
  if (!from || !to || !data) return null;
  const ends = floatingEnds(boxOf(from), boxOf(to));
  const middle = { x: (ends.from.x + ends.to.x) / 2, y: (ends.from.y + ends.to.y) / 2 };
  const warnings = figures?.warnings ?? [];
  return (
    <>
      <BaseEdge
        id={id}
        path={`M ${ends.from.x},${ends.from.y} L ${ends.to.x},${ends.to.y}`}
        className={`link-line${figures?.overBudget ? ' over-budget' : ''}${selected ? ' selected' : ''}`}
        interactionWidth={16}
      />
      <EdgeLabelRenderer>
        <div
          className={`link-label nodrag nopan${selected ? ' selected' : ''}${figures?.overBudget ? ' over-budget' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${middle.x}px, ${middle.y}px)` }}
          data-testid={`canvas-edge-${data.linkId}`}
          title={warnings.join('\n') || undefined}
          onClick={() => intents.selectLink(data.index)}
        >
          <span className="link-name">
            {data.linkId} · {data.tech}
            {warnings.length > 0 ? (
              <span className="warning-badge" role="img" aria-label={warnings.join('; ')}>
                !
              </span>
            ) : null}
          </span>
          <span>
            {data.latency} · {data.bandwidth}
          </span>
          <LinkFiguresLine linkId={data.linkId} />
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
