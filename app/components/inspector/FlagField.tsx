// A yes/no key that is absent when no (a step's `personal`): a checkbox that writes `true` when
// ticked and removes the key when cleared, so that a file never gains a `personal: false` it did
// not have.
import type { FieldPath } from '../../editing/edits';
import { fieldAttributes, useInspectorFrame } from './field-context';

export interface FlagFieldProps {
  at: FieldPath;
  value: unknown;
  label: string;
  testId?: string;
}

export function FlagField({ at, value, label, testId }: FlagFieldProps) {
  const frame = useInspectorFrame();
  return (
    <input
      type="checkbox"
      {...fieldAttributes(frame, at)}
      data-testid={testId}
      aria-label={label}
      checked={value === true}
      onChange={(event) => frame.commit([{ at, value: event.target.checked ? true : undefined }])}
    />
  );
}
