// A device population (a component's hardware_mix): one row per tier, its hardware chosen from
// the profiles and the share of users who own it. Rows are added (the next unused profile, with
// no share yet taken from the others) and removed; the shares' sum is shown, since it must be 1.
import type { FieldPath } from '../../editing/edits';
import type { FieldEditor, FieldSpec } from '../../editing/field-specs';
import { trim } from '../../../simulator/export/figures';
import { ChoiceField } from './ChoiceField';
import { AddOptional } from './GroupField';
import { NumberField } from './NumberField';
import { RowsTable } from './RowsTable';

export interface TiersFieldProps {
  spec: FieldSpec;
  editor: Extract<FieldEditor, { kind: 'tiers' }>;
  at: FieldPath;
  value: unknown;
  label: string;
  testId?: string;
}

interface Tier {
  hardware?: unknown;
  share?: unknown;
}

export function TiersField({ spec, editor, at, value, label, testId }: TiersFieldProps) {
  if (!Array.isArray(value)) {
    return <AddOptional spec={spec} at={at} testId={testId} label={`add ${spec.label.toLowerCase()}`} />;
  }
  const tiers = value as Tier[];
  const total = tiers.reduce((sum, tier) => sum + (typeof tier?.share === 'number' ? tier.share : 0), 0);
  const unused = editor.choices.find((id) => !tiers.some((tier) => tier?.hardware === id)) ?? editor.choices[0];
  return (
    <RowsTable
      className="pairs-field tiers-field"
      testId={testId}
      at={at}
      headers={['hardware', 'share (0-1)']}
      rows={tiers}
      cells={(tier, index) => [
        <ChoiceField
          key="hardware"
          at={[...at, index, 'hardware']}
          value={tier?.hardware}
          label={`${label} tier ${index + 1}: hardware`}
          choices={editor.choices}
        />,
        <NumberField
          key="share"
          at={[...at, index, 'share']}
          value={tier?.share}
          label={`${label} tier ${index + 1}: share`}
        />,
      ]}
      rowName={(index) => `tier ${index + 1} of ${label.toLowerCase()}`}
      removable
      addLabel="add a tier"
      next={() => ({ hardware: unused, share: 0 })}
      note={<span className="field-unit">shares sum to {trim(total)}</span>}
    />
  );
}
