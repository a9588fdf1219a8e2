// A value that may be written in several forms (outages alternating or on a schedule; replicas
// fixed or autoscaled): a picker of the form, then that form's editor.
import type { FieldPath } from '../../editing/edits';
import type { FieldEditor, FieldSpec } from '../../editing/field-specs';
import { fieldAttributes, useInspectorFrame } from './field-context';
import { ValueEditor } from './ValueEditor';

export interface VariantsFieldProps {
  spec: FieldSpec;
  editor: Extract<FieldEditor, { kind: 'variants' }>;
  at: FieldPath;
  value: unknown;
  label: string;
  testId?: string;
}

export function VariantsField({ spec, editor, at, value, label, testId }: VariantsFieldProps) {
  const frame = useInspectorFrame();
  const current = editor.variantOf(value);
  const variant = editor.variants.find((entry) => entry.id === current);
  return (
    <div className="variants-field">
      <select
        {...fieldAttributes(frame, at, 'form')}
        data-testid={testId && `${testId}.form`}
        aria-label={`${label}: form`}
        value={current ?? ''}
        onChange={(event) => frame.commit([{ at, value: editor.switchTo(value, event.target.value) }])}
      >
        {current === null ? <option value="">as written</option> : null}
        {editor.variants.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.label}
          </option>
        ))}
      </select>
      {variant?.editor ? (
        <ValueEditor
          spec={{ ...spec, editor: variant.editor, optional: spec.optional && variant.editor.kind !== 'group' }}
          at={at}
          value={value}
          label={label}
          testId={testId}
        />
      ) : null}
    </div>
  );
}
