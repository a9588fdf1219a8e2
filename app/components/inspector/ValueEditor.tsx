// The editor of one value of the selected item, chosen by its field's kind, and the labelled
// row of a field inside a structure (a group, a map entry, a variant).
import type { FieldPath } from '../../editing/edits';
import type { FieldSpec } from '../../editing/field-specs';
import { ChoiceField } from './ChoiceField';
import { DistributionField } from './DistributionField';
import { DraftInput } from './DraftInput';
import { fieldAttributes, useInspectorFrame } from './field-context';
import { GroupField } from './GroupField';
import { LoadProfileField } from './LoadProfileField';
import { NumberField } from './NumberField';
import { PairsField } from './PairsField';
import { RecordField } from './RecordField';
import { VariantsField } from './VariantsField';
import { FlagField } from './FlagField';
import { TiersField } from './TiersField';

export interface ValueEditorProps {
  spec: FieldSpec;
  /** Where the value is, relative to the selected item. */
  at: FieldPath;
  value: unknown;
  /** The accessible name of the value's inputs. */
  label: string;
  testId?: string;
}

export function ValueEditor({ spec, at, value, label, testId }: ValueEditorProps) {
  const frame = useInspectorFrame();
  const { editor, optional, placeholder } = spec;
  switch (editor.kind) {
    case 'text':
      return (
        <DraftInput
          {...fieldAttributes(frame, at)}
          testId={testId}
          label={label}
          className="wide"
          placeholder={placeholder}
          value={value === undefined || value === null ? '' : String(value)}
          onCommit={(text) => {
            const trimmed = text.trim();
            if (trimmed === '' && !optional) return 'required';
            return frame.commit([{ at, value: trimmed === '' ? undefined : trimmed }]) ?? null;
          }}
        />
      );
    case 'number':
      return (
        <NumberField
          at={at}
          value={value}
          label={label}
          integer={editor.integer}
          optional={optional}
          placeholder={placeholder}
          testId={testId}
        />
      );
    case 'choice':
      return (
        <ChoiceField
          at={at}
          value={value}
          label={label}
          choices={editor.choices}
          optional={optional}
          placeholder={placeholder}
          testId={testId}
        />
      );
    case 'distribution':
      return (
        <DistributionField
          at={at}
          value={value}
          label={label}
          optional={optional}
          placeholder={placeholder}
          fallback={spec.defaultValue}
          testId={testId}
        />
      );
    case 'group':
      return <GroupField spec={spec} fields={editor.fields} at={at} value={value} label={label} testId={testId} />;
    case 'variants':
      return <VariantsField spec={spec} editor={editor} at={at} value={value} label={label} testId={testId} />;
    case 'record':
      return <RecordField spec={spec} editor={editor} at={at} value={value} label={label} testId={testId} />;
    case 'pairs':
      return <PairsField spec={spec} editor={editor} at={at} value={value} label={label} testId={testId} />;
    case 'profile':
      return <LoadProfileField spec={spec} at={at} value={value} label={label} testId={testId} />;
    case 'flag':
      return <FlagField at={at} value={value} label={label} testId={testId} />;
    case 'tiers':
      return <TiersField spec={spec} editor={editor} at={at} value={value} label={label} testId={testId} />;
  }
}

/** A labelled field inside a structure; `at` is where the structure is. */
export function SubField({
  spec,
  at,
  value,
  label,
}: {
  spec: FieldSpec;
  at: FieldPath;
  value: unknown;
  label: string;
}) {
  const name = `${label}: ${spec.label.toLowerCase()}`;
  return (
    <div className="sub-field">
      <span className="sub-field-label">{spec.label}</span>
      <span className="field-control">
        <ValueEditor spec={spec} at={[...at, ...spec.path]} value={value} label={name} />
        {spec.unit ? <span className="field-unit">{spec.unit}</span> : null}
      </span>
    </div>
  );
}

/** A small button that removes a value (a structure, an entry, a row); `name` says which, for screen readers. */
export function RemoveButton({ name, text = 'remove', onRemove }: { name: string; text?: string; onRemove(): void }) {
  return (
    <button type="button" className="small remove" aria-label={`Remove ${name}`} onClick={onRemove}>
      {text}
    </button>
  );
}

/** An "add" button for an absent optional structure, carrying the test contract's attributes. */
export function AddButton({
  at,
  label,
  testId,
  onAdd,
}: {
  at: FieldPath;
  label: string;
  testId?: string;
  onAdd(): void;
}) {
  const frame = useInspectorFrame();
  return (
    <button
      type="button"
      className="small add"
      {...fieldAttributes(frame, at, 'add')}
      data-testid={testId}
      onClick={onAdd}
    >
      + {label}
    </button>
  );
}
