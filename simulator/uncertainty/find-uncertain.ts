// Finds the uncertain values in a scenario as written (the object parsed from YAML or JSON,
// before validation), with their paths; a malformed one is an error at its own path.

import { formatPath, type ScenarioError } from '../scenario/scenario-error';
import { issuesToErrors } from '../scenario/zod-issues';
import { checkUncertainForm, isUncertainForm, type UncertainParameter } from './uncertain-value';
import { isWholeNumberField } from './whole-number-fields';

export interface UncertaintyScan {
  parameters: UncertainParameter[];
  errors: ScenarioError[];
  /** Paths of the malformed uncertain values, so that validation does not report them twice. */
  invalidPaths: string[];
}

export function findUncertainValues(raw: unknown): UncertaintyScan {
  const parameters: UncertainParameter[] = [];
  const errors: ScenarioError[] = [];
  const invalidPaths: string[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    // The root is the scenario itself, never a number.
    if (path.length > 0 && isUncertainForm(value)) {
      const checked = checkUncertainForm(value);
      if (checked.ok) {
        parameters.push({ path, name: formatPath(path), spec: checked.spec, integer: isWholeNumberField(path) });
      } else {
        errors.push(...issuesToErrors(checked.issues, path));
        invalidPaths.push(formatPath(path));
      }
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        walk(item, [...path, index]);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(raw, []);
  return { parameters, errors, invalidPaths };
}
