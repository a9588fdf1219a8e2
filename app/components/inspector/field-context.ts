// What every editor of the inspector needs besides its own value: where it is in the scenario
// (for the test contract's data-field and data-path, and for validation errors), and how to
// commit a change.
import { createContext, useContext } from 'react';
import { formatPath } from '../../../simulator/scenario/scenario-error';
import type { FieldPath } from '../../editing/edits';

/** A change to one value of the selected item: `at` is relative to the item. */
export interface FieldChange {
  at: FieldPath;
  value: unknown;
}

export interface InspectorFrame {
  /** The selected item's path from the scenario's root. */
  base: FieldPath;
  /** Paths (as written in errors, `links[1].mbps`) that have a validation error. */
  invalidPaths: ReadonlySet<string>;
  /** Applies the changes; a message back means they were refused (shown at the field). */
  commit(changes: readonly FieldChange[]): string | undefined;
}

export const InspectorFrameContext = createContext<InspectorFrame | null>(null);

export function useInspectorFrame(): InspectorFrame {
  const frame = useContext(InspectorFrameContext);
  if (!frame) throw new Error('an inspector editor outside the inspector');
  return frame;
}

/**
 * The test contract's attributes of an input editing the value at `at` (relative to the item):
 * data-field is the last key of its path (`mbps`, `every_s`, `max_batch`), data-path the whole
 * dotted path from the scenario's root (`options[3].batching.api.max_batch`); `part` tells apart
 * the controls of one value (a distribution's kind, an uncertain value's form).
 */
export function fieldAttributes(frame: InspectorFrame, at: FieldPath, part?: string) {
  const path = [...frame.base, ...at];
  const key = [...path].reverse().find((segment): segment is string => typeof segment === 'string') ?? '';
  const dotted = formatPath(path);
  return {
    'data-field': key,
    'data-path': dotted,
    // The value's own input is marked invalid; its other controls (buttons among them) are not.
    ...(part ? { 'data-part': part } : { 'aria-invalid': frame.invalidPaths.has(dotted) ? true : undefined }),
  };
}
