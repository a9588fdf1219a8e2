// A small object of fields (a measured latency, power, telemetry, autoscaling). When optional and
// absent, a button adds it with sensible starting values; present, a button removes it.
import { type FieldPath, getIn } from '../../editing/edits';
import type { FieldSpec } from '../../editing/field-specs';
import { useInspectorFrame } from './field-context';
import { AddButton, RemoveButton, SubField } from './ValueEditor';

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

/** The button that adds an absent optional structure with its starting value. */
export function AddOptional({
  spec,
  at,
  label,
  testId,
}: {
  spec: FieldSpec;
  at: FieldPath;
  label: string;
  testId?: string;
}) {
  const frame = useInspectorFrame();
  return <AddButton at={at} testId={testId} label={label} onAdd={() => frame.commit(addedChanges(spec, at))} />;
}

export function GroupField({ spec, fields, at, value, label, testId }: GroupFieldProps) {
  const frame = useInspectorFrame();
  if (value === undefined && spec.optional) {
    return <AddOptional spec={spec} at={at} testId={testId} label={`add ${spec.label.toLowerCase()}`} />;
  }
  return (
    <div className="group-field" data-testid={testId}>
      {fields.map((field) => (
        <SubField key={field.path.join('.')} spec={field} at={at} value={getIn(value, field.path)} label={label} />
      ))}
      {spec.optional ? (
        <RemoveButton name={label.toLowerCase()} onRemove={() => frame.commit([{ at, value: undefined }])} />
      ) : null}
    </div>
  );
}
