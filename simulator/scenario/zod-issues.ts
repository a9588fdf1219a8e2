// Turns zod issues into ScenarioErrors whose messages read well to someone editing YAML.
import type { z } from 'zod';
import { formatPath, type ScenarioError } from './scenario-error';
import { quoteText, shortText } from './user-text';

function describeReceived(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'number') {
    if (Number.isNaN(input)) return 'NaN (not a number)';
    if (!Number.isFinite(input)) return `${input < 0 ? '-' : ''}infinity (a number too large to hold, or .inf)`;
    return `number ${input}`;
  }
  if (typeof input === 'string') return `string "${shortText(input)}"`;
  return typeof input === 'object' ? 'a mapping' : `${typeof input} ${shortText(String(input))}`;
}

function messageOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => quoteText(String(key))).join(', ')}`;
    case 'invalid_type':
      return (issue as { input?: unknown }).input === undefined
        ? 'required'
        : `expected ${issue.expected}, got ${describeReceived(issue)}`;
    case 'invalid_value':
      return issue.message.startsWith('Invalid')
        ? `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`
        : issue.message;
    case 'too_small':
      if (!issue.message.startsWith('Too small')) return issue.message;
      if (issue.origin === 'array') return `needs at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
      return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum}`;
    case 'too_big':
      // The scenario's limits carry their own message, saying why.
      if (!issue.message.startsWith('Too big')) return issue.message;
      if (issue.origin === 'array') return `has at most ${issue.maximum} entr${issue.maximum === 1 ? 'y' : 'ies'}`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    default:
      return issue.message;
  }
}

export function issuesToErrors(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): ScenarioError[] {
  const errors: ScenarioError[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
      // When every alternative failed on the type itself, one line naming them all says more
      // than one line per alternative; otherwise the alternative that got furthest speaks.
      const typeOnly = issue.errors.every(
        (branch) => branch.length === 1 && branch[0].code === 'invalid_type' && branch[0].path.length === 0,
      );
      if (typeOnly) {
        const expected = issue.errors.map((branch) => (branch[0] as { expected: string }).expected);
        errors.push({
          path: formatPath(path),
          message: `expected ${expected.join(' or ')}, got ${describeReceived(issue.errors[0][0])}`,
        });
      } else {
        const furthest = issue.errors.find(
          (branch) => !branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
        );
        errors.push(...issuesToErrors(furthest ?? issue.errors[0], path));
      }
      continue;
    }
    errors.push({ path: formatPath(path), message: messageOf(issue) });
  }
  return errors;
}
