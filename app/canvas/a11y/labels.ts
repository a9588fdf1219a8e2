// What a screen reader says for a component or a link on the canvas (React Flow's nodes and
// edges are focusable with Tab; Enter selects, arrow keys move).
import type { ComponentNodeData, LinkEdgeData } from '../model/types';

export function componentAriaLabel(data: ComponentNodeData): string {
  const steps = data.chips.filter((chip) => chip.kind === 'step').map((chip) => chip.step);
  const runs = steps.length === 0 ? 'runs no step' : `runs ${steps.join(', ')}`;
  return `${data.label}: ${data.kind}, ${data.hardware}, ${data.scope}; ${runs}`;
}

export function linkAriaLabel(data: LinkEdgeData, source: string, target: string): string {
  return `Link ${data.linkId} between ${source} and ${target}: ${data.tech}, ${data.latency}, ${data.bandwidth}`;
}

/** React Flow's own texts, in the app's words. */
export const CANVAS_ARIA_LABELS = {
  'node.a11yDescription.default':
    'Press Enter or Space to select a component, Delete to remove it, arrow keys to move it.',
  'node.a11yDescription.keyboardDisabled': 'Press Enter or Space to select a component.',
  'edge.a11yDescription.default': 'Press Enter or Space to select a link, Delete to remove it.',
  'controls.ariaLabel': 'Canvas zoom controls',
  'minimap.ariaLabel': 'Overview of the canvas',
} as const;
