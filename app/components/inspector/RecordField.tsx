// A map from ids to small objects: an option's fallbacks and caches (by step) and batching (by
// component). Each entry's id is a select, so an entry can move to another step; one button adds
// an entry for an id that has none yet, another removes an entry.
import { useState } from 'react';
import { type FieldPath, getIn } from '../../editing/edits';
import type { FieldEditor, FieldSpec } from '../../editing/field-specs';
import { withEntry, withEntryKey, withoutEntry } from '../../editing/value-forms';
import { fieldAttributes, useInspectorFrame } from './field-context';
import { RemoveButton, SubField } from './ValueEditor';

export interface RecordFieldProps {
  spec: FieldSpec;
  editor: Extract<FieldEditor, { kind: 'record' }>;
  at: FieldPath;
  value: unknown;
  label: string;
  testId?: string;
}

export function RecordField({ spec, editor, at, value, label, testId }: RecordFieldProps) {
  const frame = useInspectorFrame();
  const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const used = Object.keys(record);
  const free = editor.keys.filter((key) => !used.includes(key));
  const [chosen, setChosen] = useState('');
  const toAdd = free.includes(chosen) ? chosen : (free[0] ?? '');
  return (
    <div className="record-field" data-testid={testId}>
      {used.map((key) => (
        <div className="record-entry" key={key}>
          <select
            {...fieldAttributes(frame, at, 'key')}
            aria-label={`${label}: ${editor.keyLabel}`}
            value={key}
            onChange={(event) => frame.commit([{ at, value: withEntryKey(record, key, event.target.value) }])}
          >
            {[key, ...free].map((option) => (
              <option key={option} value={option}>
                {option}
                {editor.keys.includes(option) ? '' : ' (unknown)'}
              </option>
            ))}
          </select>
          <div className="record-fields">
            {editor.fields.map((field) => (
              <SubField
                key={field.path.join('.')}
                spec={field}
                at={[...at, key]}
                value={getIn(record[key], field.path)}
                label={`${label} ${key}`}
              />
            ))}
          </div>
          <RemoveButton
            name={`the ${spec.label.toLowerCase()} entry for ${key}`}
            onRemove={() => frame.commit([{ at, value: withoutEntry(record, key) }])}
          />
        </div>
      ))}
      {free.length > 0 ? (
        <div className="record-add">
          <select
            aria-label={`${label}: ${editor.keyLabel} to add`}
            {...fieldAttributes(frame, at, 'new-key')}
            value={toAdd}
            onChange={(event) => setChosen(event.target.value)}
          >
            {free.map((key) => (
              <option key={key} value={key}>
                {key}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="small add"
            {...fieldAttributes(frame, at, 'add')}
            onClick={() => frame.commit([{ at, value: withEntry(record, toAdd, editor.initial(toAdd)) }])}
          >
            + add for this {editor.keyLabel}
          </button>
        </div>
      ) : used.length === 0 ? (
        <span className="hint-inline">no {editor.keyLabel} to add one for</span>
      ) : null}
    </div>
  );
}
