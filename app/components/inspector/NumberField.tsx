// A number field. Where the format allows it (every number of a scenario), the value may be
// uncertain: the ± button turns it into a range around it, and a select switches between a
// range, a distribution (drawn once per Monte Carlo sample) and a fixed number again.
import { stringify as stringifyYaml } from 'yaml';
import type { FieldPath } from '../../editing/edits';
import { parseNumber, readNumber, type Uncertainty, withUncertainty } from '../../editing/value-forms';
import { DistributionField } from './DistributionField';
import { DraftInput } from './DraftInput';
import { fieldAttributes, useInspectorFrame } from './field-context';

export interface NumberFieldProps {
  at: FieldPath;
  value: unknown;
  label: string;
  integer?: boolean;
  optional?: boolean;
  placeholder?: string;
  testId?: string;
  /** False inside an uncertain value's own distribution, which cannot nest another. */
  allowUncertain?: boolean;
}

const UNCERTAINTY_LABELS: Record<Uncertainty, string> = {
  fixed: 'fixed',
  range: 'range',
  distribution: 'distribution',
};

export function NumberField(props: NumberFieldProps) {
  const { at, value, label, integer = false, optional = false, placeholder, testId, allowUncertain = true } = props;
  const frame = useInspectorFrame();
  const form = readNumber(value);
  const commitText = (where: FieldPath, text: string, required: boolean): string | null => {
    if (text.trim() === '' && !required) {
      frame.commit([{ at: where, value: undefined }]);
      return null;
    }
    const parsed = parseNumber(text, integer);
    if (typeof parsed === 'string') return text.trim() === '' ? 'required' : parsed;
    frame.commit([{ at: where, value: parsed }]);
    return null;
  };
  const switchTo = (mode: Uncertainty) => frame.commit([{ at, value: withUncertainty(value, mode, integer) }]);

  if (form.mode === 'fixed') {
    return (
      <span className="number-field">
        <DraftInput
          {...fieldAttributes(frame, at)}
          testId={testId}
          label={label}
          inputMode="decimal"
          value={form.value === undefined ? '' : String(form.value)}
          placeholder={placeholder}
          onCommit={(text) => commitText(at, text, !optional)}
        />
        {allowUncertain && form.value !== undefined ? (
          <button
            type="button"
            className="small uncertain-toggle"
            {...fieldAttributes(frame, at, 'uncertainty')}
            aria-label={`${label}: make uncertain`}
            title="Not sure of this figure? Give a range (Monte Carlo samples it)"
            onClick={() => switchTo('range')}
          >
            ±
          </button>
        ) : null}
      </span>
    );
  }

  const picker = (
    <select
      {...fieldAttributes(frame, at, 'uncertainty')}
      className="uncertainty-picker"
      aria-label={`${label}: uncertainty`}
      value={form.mode === 'other' ? '' : form.mode}
      onChange={(event) => switchTo(event.target.value as Uncertainty)}
    >
      {form.mode === 'other' ? <option value="">as written</option> : null}
      {(Object.keys(UNCERTAINTY_LABELS) as Uncertainty[]).map((mode) => (
        <option key={mode} value={mode}>
          {UNCERTAINTY_LABELS[mode]}
        </option>
      ))}
    </select>
  );

  if (form.mode === 'range') {
    const bound = (index: 0 | 1, bound: unknown, name: string) => (
      <DraftInput
        {...fieldAttributes(frame, [...at, 'range', index])}
        testId={testId && `${testId}.range.${index}`}
        label={`${label}: ${name}`}
        className="bound"
        inputMode="decimal"
        value={typeof bound === 'number' ? String(bound) : ''}
        onCommit={(text) => commitText([...at, 'range', index], text, true)}
      />
    );
    return (
      <span className="number-field uncertain">
        {picker}
        {bound(0, form.low, 'lowest')}
        <span aria-hidden="true">to</span>
        {bound(1, form.high, 'highest')}
      </span>
    );
  }

  if (form.mode === 'distribution') {
    return (
      <span className="number-field uncertain">
        {picker}
        <DistributionField at={[...at, 'uncertain']} value={form.distribution} label={label} nested />
      </span>
    );
  }

  return (
    <span className="number-field">
      <code className="as-written">{stringifyYaml(form.value, { collectionStyle: 'flow' }).trim()}</code>
      {allowUncertain ? picker : null}
    </span>
  );
}
