// The inspector covers the whole scenario format: every key the schema accepts has a structured
// editor somewhere (shown where it applies), so nothing needs typing as YAML.
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import type { ScenarioDraft } from '../../../app/editing/draft';
import {
  type FieldEditor,
  type FieldSpec,
  hardwareFields,
  itemFields,
  singleFields,
} from '../../../app/editing/field-specs';
import { distributionSchema, scenarioSchema } from '../../../simulator/scenario/schema';
import { defOf } from '../../../simulator/uncertainty/whole-number-fields';
import { twoTierDraft } from './scenario-draft';

// Every object key below `schema`; a distribution's kinds are the distribution editor's, not keys.
function schemaKeys(schema: z.ZodType, keys = new Set<string>()): Set<string> {
  // A described distribution is a clone of the schema sharing its definition.
  if (defOf(schema) === defOf(distributionSchema as unknown as z.ZodType)) return keys;
  const def = defOf(schema);
  const children = [
    def.innerType,
    def.in,
    def.out,
    def.element,
    def.valueType,
    ...(def.items ?? []),
    ...(def.options ?? []),
    ...Object.values(def.shape ?? {}),
  ].filter((child): child is z.ZodType => child !== undefined);
  for (const key of Object.keys(def.shape ?? {})) keys.add(key);
  for (const child of children) schemaKeys(child, keys);
  return keys;
}

function editorKeys(editor: FieldEditor, keys: Set<string>): void {
  if (editor.kind === 'group' || editor.kind === 'record') specKeys(editor.fields, keys);
  if (editor.kind === 'variants')
    for (const variant of editor.variants) if (variant.editor) editorKeys(variant.editor, keys);
  // A hardware mix's rows edit each tier's hardware and share (TiersField).
  if (editor.kind === 'tiers') for (const key of ['hardware', 'share']) keys.add(key);
}

function specKeys(specs: FieldSpec[], keys = new Set<string>()): Set<string> {
  for (const spec of specs) {
    for (const segment of spec.path) if (typeof segment === 'string') keys.add(segment);
    editorKeys(spec.editor, keys);
  }
  return keys;
}

// A draft with a component of each scope, a serverless one, and a load profile.
function fullDraft(): ScenarioDraft {
  const draft = twoTierDraft();
  draft.components.push({ id: 'fn', kind: 'serverless', hardware: 'aws-lambda-2gb' });
  draft.workload.load_profile = Array.from({ length: 24 }, () => 1);
  draft.workload.hours_per_day = 4;
  return draft;
}

describe('the inspector covers the scenario format', () => {
  test('every key of the schema has an editor', () => {
    const draft = fullDraft();
    const shown = new Set<string>();
    for (let index = 0; index < draft.components.length; index++)
      specKeys(itemFields(draft, 'components', index), shown);
    for (const section of ['links', 'models', 'pipeline', 'options'] as const)
      specKeys(itemFields(draft, section, 0), shown);
    for (const section of ['scenario', 'workload', 'budgets'] as const) specKeys(singleFields(draft, section), shown);
    specKeys(hardwareFields(), shown);
    // The sections themselves are the outline's; the format version is not edited.
    const sections = [
      'placewise',
      'hardware',
      'components',
      'links',
      'models',
      'workload',
      'pipeline',
      'budgets',
      'options',
    ];
    const format = schemaKeys(scenarioSchema as unknown as z.ZodType);
    // The walk reaches nested keys: autoscaling, outages, batching, measured latency.
    for (const key of ['target_utilization', 'every_s', 'schedule', 'max_wait_ms', 'on', 'keep_warm_s', 'idle']) {
      expect(format.has(key), key).toBe(true);
    }
    // Positions are edited on the canvas, by dragging components (test/e2e/canvas.e2e.ts).
    const byCanvas = ['layout', 'x', 'y'];
    const missing = [...format].filter((key) => ![...sections, ...byCanvas].includes(key) && !shown.has(key));
    expect(missing).toEqual([]);
  });

  test('fields that do not apply are shown only when the file has them', () => {
    const draft = fullDraft();
    const keys = (index: number) => itemFields(draft, 'components', index).map((spec) => spec.path[0]);
    expect(keys(0)).toContain('battery_wh');
    expect(keys(0)).not.toContain('replicas');
    expect(keys(1)).toContain('replicas');
    expect(keys(1)).not.toContain('usd_per_million');
    expect(keys(2)).toContain('usd_per_million');
    expect(keys(2)).not.toContain('replicas');
    (draft.components[0] as { replicas?: number }).replicas = 2;
    expect(keys(0)).toContain('replicas');
  });
});
