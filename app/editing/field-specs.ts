// What the inspector shows for each kind of item: every key of the scenario format (DESIGN.md
// section 2 and its additions) with its label, unit and a structured editor, so that nothing
// needs YAML typing. Paths are relative to the item; references offer the ids they may point at.
// Fields that do not apply (serverless prices on a phone) are shown only when the file has them.
import { SERVERLESS_DEFAULTS } from '../../simulator/evaluate/system-model';
import { HARDWARE_LIBRARY } from '../../simulator/scenario/hardware-library';
import { LINK_DEFAULTS, LINK_TECHNOLOGIES } from '../../simulator/scenario/link-technologies';
import { defaultScope } from '../../simulator/scenario/references';
import { AUTOSCALING_METRICS, COMPONENT_KINDS, PATTERNS, SCOPES } from '../../simulator/scenario/schema';
import type { ItemSection, ScenarioDraft, SingleSection } from './draft';
import type { FieldPath } from './edits';
import { FIELD_LABELS } from './field-labels';
import {
  nextBatchPoint,
  nextOutage,
  outageMode,
  type OutageMode,
  type Pair,
  profileFromHours,
  replicasMode,
  type ReplicasMode,
  withOutageMode,
  withReplicasMode,
} from './value-forms';
import { ownEntry } from '../../simulator/scenario/own-entry';
import { mainHardware } from '../../simulator/scenario/hardware-tiers';

/** One way to write a value, e.g. outages as alternating periods or as a schedule. */
export interface Variant {
  id: string;
  label: string;
  /** The editor of the value in this form; none when the form has no value (no outages). */
  editor?: FieldEditor;
}

export interface PairColumn {
  label: string;
  unit?: string;
  integer?: boolean;
}

export type FieldEditor =
  | { kind: 'text' }
  /** A number, or an uncertain one (`{ range: [lo, hi] }`, `{ uncertain: DISTRIBUTION }`). */
  | { kind: 'number'; integer?: boolean }
  | { kind: 'choice'; choices: readonly string[] }
  /** A number or any distribution kind, its parameters possibly uncertain. */
  | { kind: 'distribution' }
  /** An object of a few fields (power, a measured latency, telemetry, autoscaling). */
  | { kind: 'group'; fields: FieldSpec[] }
  | {
      kind: 'variants';
      variants: Variant[];
      variantOf(value: unknown): string | null;
      switchTo(value: unknown, variant: string): unknown;
    }
  /** A map from an id (a step, a component) to an object of fields: fallbacks, caches, batching. */
  | {
      kind: 'record';
      keyLabel: string;
      keys: readonly string[];
      fields: FieldSpec[];
      initial(key: string): unknown;
    }
  /** A list of number pairs: a batch curve, an outage schedule. */
  | { kind: 'pairs'; columns: [PairColumn, PairColumn]; next(rows: readonly Pair[]): [number, number]; minRows: number }
  /** 24 hourly multipliers, drawn as bars. */
  | { kind: 'profile' }
  /** Yes or absent: a checkbox (a step's `personal`). */
  | { kind: 'flag' }
  /** A device population: rows of a hardware profile and its share of users. */
  | { kind: 'tiers'; choices: readonly string[] };

export interface FieldSpec {
  path: FieldPath;
  label: string;
  unit?: string;
  editor: FieldEditor;
  /** An optional field may be left empty (the key is then removed). */
  optional?: boolean;
  /** What applies when the field is left empty. */
  placeholder?: string;
  /** The value that applies when the field is left empty, where a new value should start from it. */
  defaultValue?: unknown;
  /** How an absent optional structure starts when the user adds it, and sibling keys it replaces. */
  added?: { value: unknown; replaces?: FieldPath[] };
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
const flag = { kind: 'flag' } as const;

/** A field labelled from the shared table (FIELD_LABELS) by its last key. */
function field(path: FieldPath, editor: FieldEditor, extra: Omit<Partial<FieldSpec>, 'path' | 'editor'> = {}) {
  const key = [...path].reverse().find((segment): segment is string => typeof segment === 'string') ?? '';
  return { path, label: FIELD_LABELS[key] ?? key, editor, ...extra } satisfies FieldSpec;
}

function describeDistribution(spec: unknown): string {
  return JSON.stringify(spec).replaceAll('"', '').replaceAll(':', ': ').replaceAll(',', ', ');
}

const OUTAGE_LABELS: Record<OutageMode, string> = {
  none: 'none',
  alternating: 'alternating up and down',
  schedule: 'at fixed times',
};

const outages: FieldEditor = {
  kind: 'variants',
  variants: [
    { id: 'none', label: OUTAGE_LABELS.none },
    {
      id: 'alternating',
      label: OUTAGE_LABELS.alternating,
      editor: {
        kind: 'group',
        fields: [field(['every_s'], distribution, { unit: 's' }), field(['lasting_s'], distribution, { unit: 's' })],
      },
    },
    {
      id: 'schedule',
      label: OUTAGE_LABELS.schedule,
      editor: {
        kind: 'group',
        fields: [
          field(
            ['schedule'],
            {
              kind: 'pairs',
              columns: [
                { label: 'down at', unit: 's' },
                { label: 'up at', unit: 's' },
              ],
              next: nextOutage,
              minRows: 1,
            },
            { label: 'Outages' },
          ),
        ],
      },
    },
  ],
  variantOf: outageMode,
  switchTo: (_value, variant) => withOutageMode(variant as OutageMode),
};

const autoscaling: FieldEditor = {
  kind: 'group',
  fields: [
    field(['min'], integer),
    field(['max'], integer),
    field(['target_utilization'], number, { unit: '0-1' }),
    field(['scale_interval_s'], number, { unit: 's', optional: true, placeholder: '30' }),
    field(['cold_start_ms'], distribution, { unit: 'ms', optional: true, placeholder: '0' }),
    field(['metric'], choice(AUTOSCALING_METRICS), { optional: true, placeholder: 'admitted (default)' }),
  ],
};

const replicas: FieldEditor = {
  kind: 'variants',
  variants: [
    { id: 'fixed', label: 'fixed', editor: integer },
    { id: 'autoscaled', label: 'autoscaled', editor: autoscaling },
  ],
  variantOf: (value) => replicasMode(value),
  switchTo: (value, variant) => withReplicasMode(value, variant as ReplicasMode),
};

function componentFields(draft: ScenarioDraft, index: number): FieldSpec[] {
  const component = draft.components[index];
  const kind = component?.kind ?? 'edge';
  const shared = (component?.scope ?? defaultScope(kind)) === 'shared';
  const serverless = kind === 'serverless';
  const has = (key: string) => component !== undefined && (component as Record<string, unknown>)[key] !== undefined;
  const hardwareId = component ? mainHardware(component) : '';
  const hardware = component ? (ownEntry(draft.hardware, hardwareId) ?? ownEntry(HARDWARE_LIBRARY, hardwareId)) : null;
  const serverlessFields: FieldSpec[] = [
    field(['usd_per_million'], number, {
      unit: 'USD',
      optional: true,
      placeholder: String(SERVERLESS_DEFAULTS.usdPerMillion),
    }),
    field(['usd_per_gb_s'], number, {
      unit: 'USD',
      optional: true,
      placeholder: String(SERVERLESS_DEFAULTS.usdPerGbS),
    }),
    field(['memory_gb'], number, { unit: 'GB', optional: true, placeholder: String(SERVERLESS_DEFAULTS.memoryGb) }),
    field(['cold_start_ms'], distribution, { unit: 'ms', optional: true, placeholder: '0' }),
    field(['keep_warm_s'], number, { unit: 's', optional: true, placeholder: String(SERVERLESS_DEFAULTS.keepWarmS) }),
    field(['concurrency'], integer, { optional: true, placeholder: String(SERVERLESS_DEFAULTS.concurrency) }),
  ];
  return [
    field(['id'], text),
    field(['label'], text, { optional: true }),
    field(['kind'], choice(COMPONENT_KINDS)),
    ...(has('hardware_mix') && !has('hardware') ? [] : [field(['hardware'], choice(hardwareIds(draft)))]),
    // A device population replaces the one hardware of a per-user component.
    ...(!shared || has('hardware_mix')
      ? [
          field(
            ['hardware_mix'],
            { kind: 'tiers', choices: hardwareIds(draft) },
            {
              optional: true,
              added: { value: [{ hardware: hardwareId || hardwareIds(draft)[0], share: 1 }], replaces: [['hardware']] },
            },
          ),
        ]
      : []),
    field(['scope'], choice(SCOPES), { optional: true, placeholder: `${defaultScope(kind)} (default)` }),
    ...(!shared || has('battery_wh') ? [field(['battery_wh'], number, { unit: 'Wh', optional: true })] : []),
    ...((shared && !serverless) || has('replicas')
      ? [field(['replicas'], replicas, { optional: true, placeholder: '1' })]
      : []),
    ...((shared && !serverless) || has('usd_per_hour')
      ? [field(['usd_per_hour'], number, { unit: 'USD/h', optional: true })]
      : []),
    ...serverlessFields.filter((spec) => serverless || has(spec.path[0] as string)),
    field(['cores'], integer, {
      optional: true,
      placeholder: serverless ? '1' : shared ? String(hardware?.cores ?? '') : '1',
    }),
  ];
}

function linkFields(draft: ScenarioDraft, index: number): FieldSpec[] {
  const components = choice(componentIds(draft));
  const tech = (draft.links ?? [])[index]?.tech;
  const defaults = tech ? ownEntry(LINK_DEFAULTS, tech) : undefined;
  return [
    field(['id'], text),
    field(['between', 0], components, { label: 'From' }),
    field(['between', 1], components, { label: 'To' }),
    field(['tech'], choice(LINK_TECHNOLOGIES)),
    field(['mbps'], number, { unit: 'Mbit/s', optional: true, placeholder: String(defaults?.mbps ?? '') }),
    field(['latency_ms'], distribution, {
      unit: 'ms',
      optional: true,
      placeholder: defaults ? describeDistribution(defaults.latency_ms) : '',
      defaultValue: defaults?.latency_ms,
    }),
    field(['usd_per_gb'], number, { unit: 'USD/GB', optional: true, placeholder: String(defaults?.usd_per_gb ?? '') }),
    field(['energy_j_per_mb'], number, {
      unit: 'J/MB',
      optional: true,
      placeholder: String(defaults?.energy_j_per_mb ?? ''),
    }),
    field(['outages'], outages, { optional: true }),
  ];
}

function modelFields(draft: ScenarioDraft): FieldSpec[] {
  const hardware = hardwareIds(draft);
  return [
    field(['id'], text),
    field(['file'], text, { optional: true, placeholder: 'bundled:NAME or a path to an .onnx file' }),
    field(['size_mb'], number, { unit: 'MB' }),
    field(['gflop'], number, { unit: 'GFLOP', optional: true }),
    field(
      ['latency_ms'],
      {
        kind: 'group',
        fields: [
          field(['p50'], number, { unit: 'ms' }),
          field(['p95'], number, { unit: 'ms', optional: true }),
          field(['on'], choice(hardware)),
          field(['overhead_ms'], number, { unit: 'ms', optional: true }),
        ],
      },
      { label: 'Measured latency', optional: true, added: { value: { p50: 10, on: hardware[0] } } },
    ),
    field(['accuracy'], number, { unit: '0-1', optional: true }),
    field(['updates_per_month'], number, { unit: 'per month', optional: true }),
    field(['mb_per_inference'], number, { unit: 'MB', optional: true, placeholder: 'size_mb' }),
    field(
      ['batch_curve'],
      {
        kind: 'pairs',
        columns: [
          { label: 'batch of', integer: true },
          { label: 'takes', unit: '× one' },
        ],
        next: nextBatchPoint,
        minRows: 1,
      },
      { optional: true, added: { value: [nextBatchPoint([])] } },
    ),
  ];
}

function stepFields(draft: ScenarioDraft): FieldSpec[] {
  return [
    field(['id'], text),
    field(['at'], choice(componentIds(draft)), {
      label: 'Pinned at',
      optional: true,
      placeholder: 'placed per option',
    }),
    field(['model'], choice((draft.models ?? []).map((model) => model.id)), { optional: true }),
    field(['compute_ms'], distribution, { unit: 'ms', optional: true }),
    field(['output_kb'], number, { unit: 'kB', optional: true, placeholder: '0' }),
    field(['personal'], flag, { optional: true }),
  ];
}

function optionFields(draft: ScenarioDraft, index: number): FieldSpec[] {
  const option = draft.options[index];
  const components = componentIds(draft);
  const steps = draft.pipeline.map((step) => step.id);
  const unpinned = draft.pipeline.filter(
    (step) => step.at === undefined || ownEntry(option?.place, step.id) !== undefined,
  );
  const lastComponent = components[components.length - 1] ?? '';
  const shared = draft.components
    .filter((component) => (component.scope ?? defaultScope(component.kind)) === 'shared')
    .map((component) => component.id);
  return [
    field(['id'], text),
    field(['label'], text, { optional: true }),
    field(['pattern'], choice(PATTERNS), { optional: true }),
    ...unpinned.map((step) => field(['place', step.id], choice(components), { label: `${step.id} runs on` })),
    field(
      ['fallback'],
      {
        kind: 'record',
        keyLabel: 'step',
        keys: steps,
        fields: [
          field(['at'], choice(components), { label: 'Falls back to' }),
          field(['model'], choice((draft.models ?? []).map((model) => model.id)), {
            optional: true,
            placeholder: "the step's own",
          }),
        ],
        initial: () => ({ at: components[0] ?? '' }),
      },
      { optional: true },
    ),
    field(
      ['cache'],
      {
        kind: 'record',
        keyLabel: 'step',
        keys: steps,
        fields: [
          field(['at'], choice(components), { label: 'Cached on' }),
          field(['hit_rate'], number, { unit: '0-1' }),
        ],
        initial: () => ({ at: components[0] ?? '', hit_rate: 0.5 }),
      },
      { optional: true },
    ),
    field(
      ['telemetry'],
      {
        kind: 'group',
        fields: [
          field(['sample_rate'], number, { unit: '0-1' }),
          field(['kb'], number, { unit: 'kB' }),
          field(['to'], choice(components)),
          field(['personal'], flag, { optional: true, label: 'Personal samples' }),
        ],
      },
      { optional: true, added: { value: { sample_rate: 0.01, kb: 10, to: shared[0] ?? lastComponent } } },
    ),
    field(
      ['batching'],
      {
        kind: 'record',
        keyLabel: 'component',
        keys: shared,
        fields: [field(['max_batch'], integer), field(['max_wait_ms'], number, { unit: 'ms' })],
        initial: () => ({ max_batch: 8, max_wait_ms: 20 }),
      },
      { optional: true },
    ),
    ...optionModelFields(draft, components),
  ];
}

/** An option's own model for a step, and its cascades (a second model that a share of requests escalates to). */
function optionModelFields(draft: ScenarioDraft, components: string[]): FieldSpec[] {
  const models = (draft.models ?? []).map((model) => model.id);
  const modelSteps = draft.pipeline.filter((step) => step.model !== undefined);
  const otherModel = (stepId: string) => {
    const own = modelSteps.find((step) => step.id === stepId)?.model;
    return models.find((model) => model !== own) ?? models[0] ?? '';
  };
  return [
    field(
      ['models'],
      {
        kind: 'record',
        keyLabel: 'step',
        keys: modelSteps.map((step) => step.id),
        fields: [field([], choice(models), { label: 'Runs model' })],
        initial: otherModel,
      },
      { optional: true },
    ),
    field(
      ['cascade'],
      {
        kind: 'record',
        keyLabel: 'step',
        keys: draft.pipeline.map((step) => step.id),
        fields: [
          field(['model'], choice(models), { label: 'Escalates to' }),
          field(['at'], choice(components), { label: 'Second model on' }),
          field(['escalate_rate'], number, { unit: '0-1' }),
        ],
        initial: (stepId) => ({
          model: otherModel(stepId),
          at: components[components.length - 1] ?? '',
          escalate_rate: 0.2,
        }),
      },
      { optional: true },
    ),
  ];
}

export function itemFields(draft: ScenarioDraft, section: ItemSection, index: number): FieldSpec[] {
  switch (section) {
    case 'components':
      return componentFields(draft, index);
    case 'links':
      return linkFields(draft, index);
    case 'models':
      return modelFields(draft);
    case 'pipeline':
      return stepFields(draft);
    case 'options':
      return optionFields(draft, index);
  }
}

function workloadFields(draft: ScenarioDraft): FieldSpec[] {
  const components = choice(componentIds(draft));
  const { workload } = draft;
  const profiled = workload.load_profile !== undefined;
  return [
    field(['users'], integer),
    field(['per_user_rps'], number, { unit: 'per s' }),
    field(['arrivals'], choice(['poisson', 'periodic']), { optional: true, placeholder: 'poisson (default)' }),
    ...(!profiled || workload.hours_per_day !== undefined
      ? [field(['hours_per_day'], number, { unit: 'h/day', optional: true, placeholder: '24' })]
      : []),
    field(
      ['load_profile'],
      { kind: 'profile' },
      {
        optional: true,
        added: {
          value: profileFromHours(typeof workload.hours_per_day === 'number' ? workload.hours_per_day : undefined),
          replaces: [['hours_per_day']],
        },
      },
    ),
    field(['source'], components),
    field(['sink'], components, { optional: true, placeholder: 'the source' }),
    field(['requests'], integer, { optional: true }),
    field(['duration_s'], number, { unit: 's', optional: true }),
  ];
}

const LATENCY_BUDGETS = ['mean', 'p50', 'p90', 'p95', 'p99'] as const;

function budgetFields(): FieldSpec[] {
  return [
    ...LATENCY_BUDGETS.map((statistic) =>
      field(['latency_ms', statistic], number, { label: `Latency ${statistic}`, unit: 'ms', optional: true }),
    ),
    field(['monthly_usd'], number, { unit: 'USD', optional: true }),
    field(['link_utilization'], number, { unit: '0-1', optional: true }),
    field(['battery_hours'], number, { unit: 'h', optional: true }),
    field(['offline_success'], number, { unit: '0-1', optional: true }),
    field(['success_rate'], number, { unit: '0-1', optional: true }),
    field(['accuracy'], number, { label: 'Mean accuracy', unit: '0-1', optional: true }),
    field(['personal_gb_per_month'], number, { unit: 'GB/month', optional: true }),
  ];
}

export function singleFields(draft: ScenarioDraft, section: SingleSection): FieldSpec[] {
  if (section === 'scenario') {
    return [
      field(['name'], text),
      field(['description'], text, { optional: true }),
      field(['seed'], integer, { optional: true, placeholder: '1' }),
      field(['decision'], choice(draft.options.map((option) => option.id)), {
        optional: true,
        placeholder: 'none recorded',
      }),
    ];
  }
  return section === 'workload' ? workloadFields(draft) : budgetFields();
}

export function hardwareFields(): FieldSpec[] {
  return [
    field(['id'], text),
    field(['label'], text, { optional: true }),
    field(['cores'], integer),
    field(['gflops'], number, { unit: 'GFLOP/s' }),
    field(['ram_mb'], number, { unit: 'MB', optional: true }),
    field(['storage_gb'], number, { unit: 'GB', optional: true }),
    field(['memory_gbps'], number, { unit: 'GB/s', optional: true, placeholder: 'unknown: FLOPs only' }),
    field(
      ['power_w'],
      {
        kind: 'group',
        fields: [field(['idle'], number, { unit: 'W' }), field(['active'], number, { unit: 'W' })],
      },
      { optional: true, added: { value: { idle: 0.5, active: 3 } } },
    ),
    field(['source'], text, { optional: true }),
  ];
}
