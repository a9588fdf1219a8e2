// One inspector field: typed input, unit, and the validation message of its path. Text fields
// commit on Enter or leaving the field, so that every keystroke is not an undo step.
import { useEffect, useState } from 'react';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { FieldSpec } from '../editing/field-specs';

interface FieldInputProps {
  spec: FieldSpec;
  value: unknown;
  error?: string;
  /** Applies the value; a message back means it was refused (shown on the field, the text kept). */
  onCommit(value: unknown): string | undefined;
}

function display(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return stringifyYaml(value, { collectionStyle: 'flow' }).trim();
  return String(value);
}

/** Parses what the user typed; a string result is a message. */
function parseInput(spec: FieldSpec, text: string): { value: unknown } | string {
  const trimmed = text.trim();
  if (trimmed === '') return spec.optional ? { value: undefined } : 'required';
  switch (spec.editor.kind) {
    case 'text':
    case 'choice':
      return { value: trimmed };
    case 'number': {
      const value = Number(trimmed);
      if (!Number.isFinite(value)) return 'not a number';
      if (spec.editor.integer && !Number.isInteger(value)) return 'a whole number';
      return { value };
    }
    case 'distribution':
      try {
        return { value: parseYaml(trimmed) };
      } catch {
        return 'a number, or e.g. { uniform: [40, 200] } or { lognormal: { median: 50, p95: 120 } }';
      }
    case 'yaml':
      try {
        return { value: parseYaml(trimmed) };
      } catch {
        return `not valid YAML, e.g. ${spec.placeholder ?? '{ key: value }'}`;
      }
  }
}

export function FieldInput({ spec, value, error, onCommit }: FieldInputProps) {
  const shown = display(value);
  const [text, setText] = useState(shown);
  const [localError, setLocalError] = useState<string | null>(null);
  useEffect(() => {
    setText(shown);
    setLocalError(null);
  }, [shown]);
  const testId = `field-${spec.path.join('.')}`;

  const commit = (next: string) => {
    if (next === shown) {
      setLocalError(null);
      return;
    }
    const parsed = parseInput(spec, next);
    if (typeof parsed === 'string') {
      setLocalError(parsed);
      return;
    }
    setLocalError(onCommit(parsed.value) ?? null);
  };

  const message = localError ?? error;
  return (
    <label className={`field${message ? ' field-invalid' : ''}`}>
      <span className="field-label">{spec.label}</span>
      <span className="field-control">
        {spec.editor.kind === 'choice' ? (
          <select
            data-testid={testId}
            value={shown}
            onChange={(event) => {
              setText(event.target.value);
              commit(event.target.value);
            }}
          >
            {spec.optional || !spec.editor.choices.includes(shown) ? (
              <option value="">{shown === '' ? '—' : shown}</option>
            ) : null}
            {spec.editor.choices.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        ) : (
          <input
            data-testid={testId}
            value={text}
            placeholder={spec.placeholder}
            inputMode={spec.editor.kind === 'number' ? 'decimal' : undefined}
            onChange={(event) => setText(event.target.value)}
            onBlur={() => commit(text)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') commit(text);
              if (event.key === 'Escape') {
                setText(shown);
                setLocalError(null);
              }
            }}
          />
        )}
        {spec.unit ? <span className="field-unit">{spec.unit}</span> : null}
      </span>
      {message ? (
        <span className="field-error" role="alert">
          {message}
        </span>
      ) : null}
    </label>
  );
}
