// A list of number pairs: a model's batch curve ([batch size, time relative to one inference])
// or an outage schedule ([down at, up at]). Each number is a number field; rows are added (the
// next one continuing the list) and removed.
import type { FieldPath } from '../../editing/edits';
import type { FieldEditor, FieldSpec } from '../../editing/field-specs';
import { type Pair, withoutItem } from '../../editing/value-forms';
import { useInspectorFrame } from './field-context';
import { AddOptional } from './GroupField';
import { NumberField } from './NumberField';
import { AddButton, RemoveButton } from './ValueEditor';

export interface PairsFieldProps {
  spec: FieldSpec;
  editor: Extract<FieldEditor, { kind: 'pairs' }>;
  at: FieldPath;
  value: unknown;
  label: string;
  testId?: string;
}

export function PairsField({ spec, editor, at, value, label, testId }: PairsFieldProps) {
  const frame = useInspectorFrame();
  if (!Array.isArray(value)) {
    return <AddOptional spec={spec} at={at} testId={testId} label={`add ${spec.label.toLowerCase()}`} />;
  }
  const rows = value as Pair[];
  const removable = rows.length > editor.minRows || spec.optional;
  return (
    <table className="pairs-field" data-testid={testId}>
      <thead>
        <tr>
          {editor.columns.map((column) => (
            <th key={column.label} scope="col">
              {column.label}
              {column.unit ? ` (${column.unit})` : ''}
            </th>
          ))}
          <td />
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            {editor.columns.map((column, position) => (
              <td key={column.label}>
                <NumberField
                  at={[...at, index, position]}
                  value={Array.isArray(row) ? row[position] : undefined}
                  label={`${label} row ${index + 1}: ${column.label}`}
                  integer={column.integer}
                />
              </td>
            ))}
            <td>
              {removable ? (
                <RemoveButton
                  name={`row ${index + 1} of ${label.toLowerCase()}`}
                  text="×"
                  onRemove={() => frame.commit([{ at, value: rows.length > 1 ? withoutItem(rows, index) : undefined }])}
                />
              ) : null}
            </td>
          </tr>
        ))}
        <tr>
          <td colSpan={3}>
            <AddButton
              at={at}
              label="add a row"
              onAdd={() => frame.commit([{ at, value: [...rows, editor.next(rows)] }])}
            />
          </td>
        </tr>
      </tbody>
    </table>
  );
}
