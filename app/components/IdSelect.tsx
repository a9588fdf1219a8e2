// A select of ids (options, components), with an optional first entry that stands for "none chosen".
interface IdSelectProps {
  testId: string;
  value: string;
  ids: readonly { id: string; hint?: string }[];
  onChange(id: string): void;
  /** The label of an entry with the value '' before the ids. */
  emptyLabel?: string;
}

export function IdSelect({ testId, value, ids, onChange, emptyLabel }: IdSelectProps) {
  return (
    <select data-testid={testId} value={value} onChange={(event) => onChange(event.target.value)}>
      {emptyLabel === undefined ? null : <option value="">{emptyLabel}</option>}
      {ids.map(({ id, hint }) => (
        <option key={id} value={id}>
          {hint ? `${id} (${hint})` : id}
        </option>
      ))}
    </select>
  );
}
