// A device population (a component's hardware_mix): one row per tier, its hardware chosen from
// the profiles and the share of users who own it. Rows are added (the next unused profile, with
// no share yet taken from the others) and removed; the shares' sum is shown, since it must be 1.
import type { FieldPath } from '../../editing/edits';
import type { FieldEditor, FieldSpec } from '../../editing/field-specs';
import { withoutItem } from '../../editing/value-forms';
import { trim } from '../../../simulator/export/figures';
import { ChoiceField } from './ChoiceField';
import { useInspectorFrame } from './field-context';
import { AddOptional } from './GroupField';
import { NumberField } from './NumberField';
import { AddButton, RemoveButton } from './ValueEditor';

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
  const frame = useInspectorFrame();
  if (!Array.isArray(value)) {
    return <AddOptional spec={spec} at={at} testId={testId} label={`add ${spec.label.toLowerCase()}`} />;
  }
  const tiers = value as Tier[];
  const total = tiers.reduce((sum, tier) => sum + (typeof tier?.share === 'number' ? tier.share : 0), 0);
  const unused = editor.choices.find((id) => !tiers.some((tier) => tier?.hardware === id)) ?? editor.choices[0];
  return (
    <table className="pairs-field tiers-field" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">hardware</th>
          <th scope="col">share (0-1)</th>
          <td />
        </tr>
      </thead>
      <tbody>
        {tiers.map((tier, index) => (
          <tr key={index}>
            <td>
              <ChoiceField
                at={[...at, index, 'hardware']}
                value={tier?.hardware}
                label={`${label} tier ${index + 1}: hardware`}
                choices={editor.choices}
              />
            </td>
            <td>
              <NumberField
                at={[...at, index, 'share']}
                value={tier?.share}
                label={`${label} tier ${index + 1}: share`}
              />
            </td>
            <td>
              <RemoveButton
                name={`tier ${index + 1} of ${label.toLowerCase()}`}
                text="×"
                onRemove={() => frame.commit([{ at, value: tiers.length > 1 ? withoutItem(tiers, index) : undefined }])}
              />
            </td>
          </tr>
        ))}
        <tr>
          <td colSpan={3}>
            <AddButton
              at={at}
              label="add a tier"
              onAdd={() => frame.commit([{ at, value: [...tiers, { hardware: unused, share: 0 }] }])}
            />{' '}
            <span className="field-unit">shares sum to {trim(total)}</span>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
