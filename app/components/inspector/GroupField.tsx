// A small object of fields (a measured latency, power, telemetry, autoscaling). When optional and
// absent, a button adds it with sensible starting values; present, a button removes it.
import { type FieldPath, getIn } from '../../editing/edits';
import type { FieldSpec } from '../../editing/field-specs';
import { useInspectorFrame } from './field-context';
import { AddButton, SubField } from './ValueEditor';

export interface GroupFieldProps {
  spec: FieldSpec;
  fields: FieldSpec[];
  at: FieldPath;
  value: unknown;
  label: string;
  testId?: string;
}

/** The changes that add an optional structure: its starting value, and the keys it replaces. */
export function addedChanges(spec: FieldSpec, at: FieldPath) {
  const parent = at.slice(0, -spec.path.length);
  return [
    { at, value: spec.added?.value ?? {} },
    ...(spec.added?.replaces ?? []).map((sibling) => ({ at: [...parent, ...sibling], value: undefined })),
  ];
}

export function GroupField({ spec, fields, at, value, label, testId }: GroupFieldProps) {
  const frame = useInspectorFrame();
  if (value === undefined && spec.optional) {
    return (
      <AddButton
        at={at}
        testId={testId}
        label={`add ${spec.label.toLowerCase()}`}
        onAdd={() => frame.commit(addedChanges(spec, at))}
      />
    );
  }
  return (
    <div className="group-field" data-testid={testId}>
      {fields.map((field) => (
        <SubField key={field.path.join('.')} spec={field} at={at} value={getIn(value, field.path)} label={label} />
      ))}
      {spec.optional ? (
        <button
          type="button"
          className="small remove"
          aria-label={`Remove ${label.toLowerCase()}`}
          onClick={() => frame.commit([{ at, value: undefined }])}
        >
          remove
        </button>
      ) : null}
    </div>
  );
}
