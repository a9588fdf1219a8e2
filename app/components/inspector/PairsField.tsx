// A list of number pairs: a model's batch curve ([batch size, time relative to one inference])
// or an outage schedule ([down at, up at]). Each number is a number field; rows are added (the
// next one continuing the list) and removed.
import type { FieldPath } from '../../editing/edits';
import type { FieldEditor, FieldSpec } from '../../editing/field-specs';
import type { Pair } from '../../editing/value-forms';
import { AddOptional } from './GroupField';
import { NumberField } from './NumberField';
import { RowsTable } from './RowsTable';

export interface PairsFieldProps {
  spec: FieldSpec;
  editor: Extract<FieldEditor, { kind: 'pairs' }>;
  at: FieldPath;
  value: unknown;
  label: string;
  testId?: string;
}

export function PairsField({ spec, editor, at, value, label, testId }: PairsFieldProps) {
  if (!Array.isArray(value)) {
    return <AddOptional spec={spec} at={at} testId={testId} label={`add ${spec.label.toLowerCase()}`} />;
  }
  const rows = value as Pair[];
  return (
    <RowsTable
      className="pairs-field"
      testId={testId}
      at={at}
      headers={editor.columns.map((column) => `${column.label}${column.unit ? ` (${column.unit})` : ''}`)}
      rows={rows}
      cells={(row, index) =>
        editor.columns.map((column, position) => (
          <NumberField
            key={column.label}
            at={[...at, index, position]}
            value={Array.isArray(row) ? row[position] : undefined}
            label={`${label} row ${index + 1}: ${column.label}`}
            integer={column.integer}
          />
        ))
      }
      rowName={(index) => `row ${index + 1} of ${label.toLowerCase()}`}
      removable={rows.length > editor.minRows || spec.optional === true}
      addLabel="add a row"
      next={() => editor.next(rows)}
    />
  );
}
