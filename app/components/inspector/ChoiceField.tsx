// A select of names or ids. Each value appears once: an optional field has one empty entry
// (what applies when it is left out), and a value that is not among the choices (an id that no
// longer exists) appears once, marked, so the user sees what the file says.
import type { FieldPath } from '../../editing/edits';
import { choiceEntries } from '../../editing/value-forms';
import { fieldAttributes, useInspectorFrame } from './field-context';

export interface ChoiceFieldProps {
  at: FieldPath;
  value: unknown;
  label: string;
  choices: readonly string[];
  optional?: boolean;
  placeholder?: string;
  testId?: string;
  onChange?(value: string | undefined): void;
}

export function ChoiceField({
  at,
  value,
  label,
  choices,
  optional = false,
  placeholder,
  testId,
  onChange,
}: ChoiceFieldProps) {
  const frame = useInspectorFrame();
  const shown = value === undefined || value === null ? '' : String(value);
  return (
    <select
      {...fieldAttributes(frame, at)}
      data-testid={testId}
      aria-label={label}
      value={shown}
      onChange={(event) => {
        const next = event.target.value === '' ? undefined : event.target.value;
        if (onChange) onChange(next);
        else frame.commit([{ at, value: next }]);
      }}
    >
      {choiceEntries(shown, choices, optional, placeholder).map(([entry, text]) => (
        <option key={entry} value={entry}>
          {text}
        </option>
      ))}
    </select>
  );
}
