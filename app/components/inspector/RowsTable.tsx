// The table shell of the inspector's list fields (number pairs, device tiers): a header, one row
// per item ending in its remove button, and a last row to add an item with an optional note.
// Removing the last item removes the whole list, so an optional structure goes back to absent.
import type { ReactNode } from 'react';
import type { FieldPath } from '../../editing/edits';
import { withoutItem } from '../../editing/value-forms';
import { useInspectorFrame } from './field-context';
import { AddButton, RemoveButton } from './ValueEditor';

export interface RowsTableProps<Row> {
  className: string;
  testId?: string;
  at: FieldPath;
  headers: string[];
  rows: Row[];
  /** One cell per header, in header order. */
  cells(row: Row, index: number): ReactNode[];
  /** How the remove button names a row, e.g. "row 2 of outages". */
  rowName(index: number): string;
  removable: boolean;
  addLabel: string;
  next(): Row;
  note?: ReactNode;
}

export function RowsTable<Row>({
  className,
  testId,
  at,
  headers,
  rows,
  cells,
  rowName,
  removable,
  addLabel,
  next,
  note,
}: RowsTableProps<Row>) {
  const frame = useInspectorFrame();
  return (
    <table className={className} data-testid={testId}>
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
          <td />
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            {cells(row, index).map((cell, position) => (
              <td key={headers[position]}>{cell}</td>
            ))}
            <td>
              {removable ? (
                <RemoveButton
                  name={rowName(index)}
                  text="×"
                  onRemove={() => frame.commit([{ at, value: rows.length > 1 ? withoutItem(rows, index) : undefined }])}
                />
              ) : null}
            </td>
          </tr>
        ))}
        <tr>
          <td colSpan={headers.length + 1}>
            <AddButton at={at} label={addLabel} onAdd={() => frame.commit([{ at, value: [...rows, next()] }])} />
            {note ? <> {note}</> : null}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
