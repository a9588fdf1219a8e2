// What the inspector shows for each kind of item: its fields, their units and how each is
// edited. Paths are relative to the item; references offer the ids they may point at.
import { HARDWARE_LIBRARY } from '../../simulator/scenario/hardware-library';
import { LINK_DEFAULTS, LINK_TECHNOLOGIES, type LinkTechnology } from '../../simulator/scenario/link-technologies';
import { COMPONENT_KINDS, PATTERNS, SCOPES } from '../../simulator/scenario/schema';
import type { ItemSection, ScenarioDraft, SingleSection } from './draft';
import type { FieldPath } from './edits';

export type FieldEditor =
  | { kind: 'text' }
  | { kind: 'number'; integer?: boolean }
  | { kind: 'choice'; choices: readonly string[] }
  /** A distribution: a number, or YAML such as `{ uniform: [40, 200] }`. */
  | { kind: 'distribution' }
  /** A small structure written as inline YAML, e.g. `{ p50: 45, p95: 52, on: this-machine }`. */
  | { kind: 'yaml' };

export interface FieldSpec {
  path: FieldPath;
  label: string;
  unit?: string;
  editor: FieldEditor;
  /** An optional field may be left empty (the key is then removed). */
  optional?: boolean;
  /** What applies when the field is left empty. */
  placeholder?: string;
}

function componentIds(draft: ScenarioDraft): string[] {
  return draft.components.map((component) => component.id);
}

function hardwareIds(draft: ScenarioDraft): string[] {
  return [...new Set([...Object.keys(draft.hardware ?? {}), ...Object.keys(HARDWARE_LIBRARY)])];
}

const text = { kind: 'text' } as const;
const number = { kind: 'number' } as const;
const integer = { kind: 'number', integer: true } as const;
const distribution = { kind: 'distribution' } as const;
const choice = (choices: readonly string[]): FieldEditor => ({ kind: 'choice', choices });

export function itemFields(draft: ScenarioDraft, section: ItemSection, index: number): FieldSpec[] {
  const components = choice(componentIds(draft));
  const models = choice((draft.models ?? []).map((model) => model.id));
  switch (section) {
    case 'components':
      return [
        { path: ['id'], label: 'Id', editor: text },
        { path: ['label'], label: 'Label', editor: text, optional: true },
        { path: ['kind'], label: 'Kind', editor: choice(COMPONENT_KINDS) },
        { path: ['hardware'], label: 'Hardware', editor: choice(hardwareIds(draft)) },
        { path: ['scope'], label: 'Scope', editor: choice(SCOPES), optional: true },
        { path: ['battery_wh'], label: 'Battery', unit: 'Wh', editor: number, optional: true },
        { path: ['replicas'], label: 'Replicas', editor: integer, optional: true },
        { path: ['usd_per_hour'], label: 'Price per replica', unit: 'USD/h', editor: number, optional: true },
        { path: ['cores'], label: 'Cores', editor: integer, optional: true },
      ];
    case 'links': {
      const tech = (draft.links ?? [])[index]?.tech;
      const defaults = tech && tech in LINK_DEFAULTS ? LINK_DEFAULTS[tech as LinkTechnology] : undefined;
      return [
        { path: ['id'], label: 'Id', editor: text },
        { path: ['between', 0], label: 'From', editor: components },
        { path: ['between', 1], label: 'To', editor: components },
        { path: ['tech'], label: 'Technology', editor: choice(LINK_TECHNOLOGIES) },
        {
          path: ['mbps'],
          label: 'Bandwidth',
          unit: 'Mbit/s',
          editor: number,
          optional: true,
          placeholder: String(defaults?.mbps ?? ''),
        },
        {
          path: ['latency_ms'],
          label: 'Latency',
          unit: 'ms',
          editor: distribution,
          optional: true,
          placeholder: defaults ? JSON.stringify(defaults.latency_ms).replaceAll('"', '').replaceAll(':', ': ') : '',
        },
        {
          path: ['usd_per_gb'],
          label: 'Traffic price',
          unit: 'USD/GB',
          editor: number,
          optional: true,
          placeholder: String(defaults?.usd_per_gb ?? ''),
        },
        {
          path: ['energy_j_per_mb'],
          label: 'Radio energy',
          unit: 'J/MB',
          editor: number,
          optional: true,
          placeholder: String(defaults?.energy_j_per_mb ?? ''),
        },
      ];
    }
    case 'models':
      return [
        { path: ['id'], label: 'Id', editor: text },
        { path: ['file'], label: 'File', editor: text, optional: true },
        { path: ['size_mb'], label: 'Size', unit: 'MB', editor: number },
        { path: ['gflop'], label: 'Work per inference', unit: 'GFLOP', editor: number, optional: true },
        {
          path: ['latency_ms'],
          label: 'Measured latency',
          unit: 'ms',
          editor: { kind: 'yaml' },
          optional: true,
          placeholder: '{ p50: 45, p95: 52, on: this-machine }',
        },
        { path: ['accuracy'], label: 'Accuracy', unit: '0-1', editor: number, optional: true },
        { path: ['updates_per_month'], label: 'Updates', unit: 'per month', editor: number, optional: true },
      ];
    case 'pipeline':
      return [
        { path: ['id'], label: 'Id', editor: text },
        { path: ['at'], label: 'Pinned at', editor: components, optional: true },
        { path: ['model'], label: 'Model', editor: models, optional: true },
        { path: ['compute_ms'], label: 'Compute', unit: 'ms', editor: distribution, optional: true },
        { path: ['output_kb'], label: 'Output', unit: 'kB', editor: number, optional: true },
      ];
    case 'options': {
      const option = draft.options[index];
      const unpinned = draft.pipeline.filter((step) => step.at === undefined || option?.place?.[step.id] !== undefined);
      return [
        { path: ['id'], label: 'Id', editor: text },
        { path: ['label'], label: 'Label', editor: text, optional: true },
        { path: ['pattern'], label: 'Pattern', editor: choice(PATTERNS), optional: true },
        ...unpinned.map((step): FieldSpec => ({
          path: ['place', step.id],
          label: `${step.id} runs on`,
          editor: components,
        })),
        {
          path: ['fallback'],
          label: 'Fallbacks',
          editor: { kind: 'yaml' },
          optional: true,
          placeholder: '{ translate: { at: phone, model: nmt-small } }',
        },
        {
          path: ['cache'],
          label: 'Caches',
          editor: { kind: 'yaml' },
          optional: true,
          placeholder: '{ translate: { at: phone, hit_rate: 0.5 } }',
        },
        {
          path: ['telemetry'],
          label: 'Telemetry',
          editor: { kind: 'yaml' },
          optional: true,
          placeholder: '{ sample_rate: 0.01, kb: 900, to: cloud }',
        },
      ];
    }
  }
}

export function singleFields(draft: ScenarioDraft, section: SingleSection): FieldSpec[] {
  const components = choice(componentIds(draft));
  if (section === 'scenario') {
    return [
      { path: ['name'], label: 'Name', editor: text },
      { path: ['description'], label: 'Description', editor: text, optional: true },
      { path: ['seed'], label: 'Seed', editor: integer, optional: true },
      {
        path: ['decision'],
        label: 'Decision',
        editor: choice(draft.options.map((option) => option.id)),
        optional: true,
      },
    ];
  }
  if (section === 'workload') {
    return [
      { path: ['users'], label: 'Users', editor: integer },
      { path: ['per_user_rps'], label: 'Requests per user', unit: 'per s', editor: number },
      { path: ['arrivals'], label: 'Arrivals', editor: choice(['poisson', 'periodic']), optional: true },
      { path: ['hours_per_day'], label: 'Active use', unit: 'h/day', editor: number, optional: true },
      { path: ['source'], label: 'Source', editor: components },
      { path: ['sink'], label: 'Sink', editor: components, optional: true },
      { path: ['requests'], label: 'Simulated requests', editor: integer, optional: true },
      { path: ['duration_s'], label: 'Simulated time', unit: 's', editor: number, optional: true },
    ];
  }
  return [
    { path: ['latency_ms', 'p50'], label: 'Latency p50', unit: 'ms', editor: number, optional: true },
    { path: ['latency_ms', 'p95'], label: 'Latency p95', unit: 'ms', editor: number, optional: true },
    { path: ['latency_ms', 'p99'], label: 'Latency p99', unit: 'ms', editor: number, optional: true },
    { path: ['monthly_usd'], label: 'Monthly cost', unit: 'USD', editor: number, optional: true },
    { path: ['link_utilization'], label: 'Link utilisation', unit: '0-1', editor: number, optional: true },
    { path: ['battery_hours'], label: 'Battery life', unit: 'h', editor: number, optional: true },
    { path: ['offline_success'], label: 'Offline success', unit: '0-1', editor: number, optional: true },
    { path: ['success_rate'], label: 'Success rate', unit: '0-1', editor: number, optional: true },
  ];
}

export function hardwareFields(): FieldSpec[] {
  return [
    { path: ['id'], label: 'Id', editor: text },
    { path: ['label'], label: 'Label', editor: text, optional: true },
    { path: ['cores'], label: 'Cores', editor: integer },
    { path: ['gflops'], label: 'Throughput', unit: 'GFLOP/s', editor: number },
    { path: ['ram_mb'], label: 'Memory', unit: 'MB', editor: number, optional: true },
    { path: ['storage_gb'], label: 'Storage', unit: 'GB', editor: number, optional: true },
    {
      path: ['power_w'],
      label: 'Power',
      unit: 'W',
      editor: { kind: 'yaml' },
      optional: true,
      placeholder: '{ idle: 0.3, active: 2.8 }',
    },
    { path: ['source'], label: 'Source', editor: text, optional: true },
  ];
}
