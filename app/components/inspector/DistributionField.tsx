// A time that varies from request to request: a kind picker (a fixed number, constant, uniform,
// exponential, normal, lognormal, triangular, empirical) and that kind's parameters, each a
// number field (and so possibly uncertain). Changing the kind keeps about the same mean.
import { stringify as stringifyYaml } from 'yaml';
import { type FieldPath, getIn } from '../../editing/edits';
import {
  DISTRIBUTION_CHOICES,
  DISTRIBUTION_LABELS,
  DISTRIBUTION_PARAMETERS,
  type DistributionChoice,
  distributionKind,
  parseNumberList,
  withDistributionKind,
} from '../../editing/value-forms';
import { DraftInput } from './DraftInput';
import { fieldAttributes, useInspectorFrame } from './field-context';
import { NumberField } from './NumberField';

export interface DistributionFieldProps {
  at: FieldPath;
  value: unknown;
  label: string;
  optional?: boolean;
  /** What applies when the field is absent, e.g. the link technology's default latency. */
  placeholder?: string;
  /** What applies when the field is absent: a new kind starts from its mean. */
  fallback?: unknown;
  testId?: string;
  /** The distribution of an uncertain value: always a spread, and its parameters plain numbers. */
  nested?: boolean;
}

export function DistributionField(props: DistributionFieldProps) {
  const { at, value, label, optional, placeholder, fallback, testId, nested } = props;
  const frame = useInspectorFrame();
  const kind = value === undefined ? null : distributionKind(value);
  const choices = nested ? DISTRIBUTION_CHOICES.filter((choice) => choice !== 'number') : DISTRIBUTION_CHOICES;
  const unknownForm = value !== undefined && kind === null;
  const selectValue = kind ?? '';
  const emptyLabel = unknownForm ? 'as written' : placeholder ? `default (${placeholder})` : 'none';

  return (
    <span className="distribution-field">
      <select
        {...fieldAttributes(frame, at, 'kind')}
        data-testid={testId}
        aria-label={`${label}: distribution`}
        value={selectValue}
        onChange={(event) => {
          const next = event.target.value as DistributionChoice | '';
          frame.commit([{ at, value: next === '' ? undefined : withDistributionKind(value ?? fallback, next) }]);
        }}
      >
        {optional || unknownForm || value === undefined ? <option value="">{emptyLabel}</option> : null}
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {DISTRIBUTION_LABELS[choice]}
          </option>
        ))}
      </select>
      {unknownForm ? (
        <code className="as-written">{stringifyYaml(value, { collectionStyle: 'flow' }).trim()}</code>
      ) : null}
      {kind === 'empirical' ? (
        <DraftInput
          {...fieldAttributes(frame, [...at, 'empirical'])}
          label={`${label}: observed values`}
          className="wide"
          placeholder="values seen, e.g. 12, 15, 40"
          value={
            Array.isArray(getIn(value, ['empirical'])) ? (getIn(value, ['empirical']) as unknown[]).join(', ') : ''
          }
          onCommit={(text) => {
            const values = parseNumberList(text);
            if (typeof values === 'string') return values;
            frame.commit([{ at: [...at, 'empirical'], value: values }]);
            return null;
          }}
        />
      ) : null}
      {kind !== null && kind !== 'empirical'
        ? DISTRIBUTION_PARAMETERS[kind].map((parameter) => (
            <span className="parameter" key={parameter.label}>
              {parameter.label ? <span className="parameter-label">{parameter.label}</span> : null}
              <NumberField
                at={[...at, ...parameter.at]}
                value={parameter.at.length === 0 ? value : getIn(value, parameter.at)}
                label={parameter.label ? `${label}: ${parameter.label}` : label}
                allowUncertain={!nested}
              />
            </span>
          ))
        : null}
    </span>
  );
}
