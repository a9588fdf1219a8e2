// One field of the inspector: its label, its editor (chosen by kind, see inspector/), its unit,
// and the validation messages of its path and of anything inside it.
import type { FieldSpec } from '../editing/field-specs';
import { ValueEditor } from './inspector/ValueEditor';

interface FieldInputProps {
  spec: FieldSpec;
  value: unknown;
  /** Validation messages at the field's path or below it, each with the part it concerns. */
  errors: string[];
}

// Structures take a row of their own; single values sit in the two-column grid.
const WIDE_KINDS = new Set(['group', 'variants', 'record', 'pairs', 'profile', 'distribution']);

export function FieldInput({ spec, value, errors }: FieldInputProps) {
  const testId = `field-${spec.path.join('.')}`;
  const wide = WIDE_KINDS.has(spec.editor.kind);
  return (
    <div className={`field${errors.length > 0 ? ' field-invalid' : ''}${wide ? ' field-wide' : ''}`}>
      <span className="field-label" id={`${testId}-label`}>
        {spec.label}
      </span>
      <span className="field-control">
        <ValueEditor spec={spec} at={spec.path} value={value} label={spec.label} testId={testId} />
        {spec.unit ? <span className="field-unit">{spec.unit}</span> : null}
      </span>
      {errors.map((message) => (
        <span className="field-error" role="alert" key={message}>
          {message}
        </span>
      ))}
    </div>
  );
}
