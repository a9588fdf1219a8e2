// Reference errors of a scenario that also fails the schema, so that one pass reports both
// (`links[0].mbps: must be greater than 0` and `pipeline[2].model: unknown model 'nmt2'`).
// When every schema error is about a quantity (a number out of range, a number of the wrong
// type, an unknown field), the ids and references are intact: they are checked on a copy with
// those quantities removed. A scenario whose ids, kinds or shape are broken gets its schema
// errors alone, since references checked against a guess would report errors that are not there.
import type { z } from 'zod';
import { checkReferences } from './references';
import { formatPath, type ScenarioError } from './scenario-error';
import { type Scenario, scenarioSchema } from './schema';

type Path = readonly PropertyKey[];
type Container = Record<PropertyKey, unknown>;

export function referenceErrorsDespiteSchema(raw: unknown, issues: readonly z.core.$ZodIssue[]): ScenarioError[] {
  const repaired = withoutBadQuantities(raw, issues);
  if (!repaired) return [];
  // A check about a removed value, or about the item holding it, would only repeat the schema
  // error (or report the gap the removal left): those are dropped.
  const removed = repaired.removed.map(formatPath);
  return checkReferences(repaired.scenario).filter(
    (error) => !removed.some((path) => encloses(path, error.path) || encloses(error.path, path)),
  );
}

function withoutBadQuantities(
  raw: unknown,
  issues: readonly z.core.$ZodIssue[],
): { scenario: Scenario; removed: Path[] } | undefined {
  const copy = structuredClone(raw);
  const removed: Path[] = [];
  for (const issue of issues) {
    // A wrong format version is a different format: its references mean something else.
    if (issue.path[0] === 'placewise') return undefined;
    // Two issues about one value (not whole, and below the minimum): it is gone already.
    if (removed.some((path) => encloses(formatPath(path), formatPath(issue.path)))) continue;
    if (issue.code === 'unrecognized_keys') {
      const holder = valueAt(copy, issue.path) as Container;
      for (const key of issue.keys) {
        delete holder[key];
        removed.push([...issue.path, key]);
      }
      continue;
    }
    const expectsNumber = issue.code === 'invalid_type' && issue.expected === 'number';
    if (!expectsNumber && !isQuantity(valueAt(copy, issue.path))) return undefined;
    if (!remove(copy, issue.path)) return undefined;
    removed.push(issue.path);
  }
  let parsed = scenarioSchema.safeParse(copy);
  if (!parsed.success) {
    // A removed quantity was required: 1 stands in, which every quantity field accepts.
    const touched = new Set(removed.map(formatPath));
    for (const issue of parsed.error.issues) {
      const missing = (issue as { input?: unknown }).input === undefined;
      if (!missing || !touched.has(formatPath(issue.path))) return undefined;
      const holder = valueAt(copy, issue.path.slice(0, -1)) as Container;
      holder[issue.path[issue.path.length - 1]] = 1;
    }
    parsed = scenarioSchema.safeParse(copy);
    if (!parsed.success) return undefined;
  }
  return { scenario: parsed.data, removed };
}

/** A number, or a mapping or list of nothing but numbers (a distribution, a pair, a profile). */
function isQuantity(value: unknown): boolean {
  if (typeof value === 'number') return true;
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).every(isQuantity);
}

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Container)[segment];
  }
  return node;
}

// Deletes the value at `path`; a list entry becomes 1 instead, so that later entries keep their
// indices (and the paths of their errors).
function remove(root: unknown, path: Path): boolean {
  if (path.length === 0) return false;
  const holder = valueAt(root, path.slice(0, -1));
  if (holder === null || typeof holder !== 'object') return false;
  const key = path[path.length - 1];
  if (Array.isArray(holder)) holder[key as number] = 1;
  else delete (holder as Container)[key];
  return true;
}

function encloses(outer: string, inner: string): boolean {
  return outer === '' || inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
}
