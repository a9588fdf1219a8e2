// How the inspector's structured editors read a scenario value and write it back: a number that
// may be uncertain (`{ range }`, `{ uncertain }`), a distribution of any kind, outages, replicas
// (fixed or autoscaled), the 24-hour load profile, and maps keyed by id (fallback, cache,
// batching). Pure, so that the mapping between what the user sees and the YAML is tested
// without a browser. A value an editor cannot show is left alone (the editor says so).
import { compileDistribution } from '../../simulator/random/sampler';
import { DISTRIBUTION_KINDS, type DistributionSpec } from '../../simulator/scenario/distribution-spec';
import { isUncertainForm } from '../../simulator/uncertainty/uncertain-value';
import type { FieldPath } from './edits';

/** A figure shown to three significant digits, as the user would type it. */
export function tidy(value: number): number {
  return value === 0 || !Number.isFinite(value) ? value : Number(value.toPrecision(3));
}

/** Reads a typed number; a string result says what is wrong. */
export function parseNumber(text: string, integer = false): number | string {
  const trimmed = text.trim().replaceAll(',', '');
  if (trimmed === '') return 'a number';
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return 'not a number';
  if (integer && !Number.isInteger(value)) return 'a whole number';
  return value;
}

/** Reads a list of numbers typed with commas or spaces between them (an empirical distribution). */
export function parseNumberList(text: string): number[] | string {
  const parts = text.split(/[\s,;]+/).filter((part) => part !== '');
  if (parts.length === 0) return 'at least one number';
  const values = parts.map(Number);
  return values.every(Number.isFinite) ? values : 'numbers separated by commas';
}

// ---- numbers that may be uncertain -------------------------------------------------------

export type Uncertainty = 'fixed' | 'range' | 'distribution';

export type NumberForm =
  | { mode: 'fixed'; value: number | undefined }
  | { mode: 'range'; low: unknown; high: unknown }
  | { mode: 'distribution'; distribution: unknown }
  /** Something else (a list, a string): shown as it is, not edited as a number. */
  | { mode: 'other'; value: unknown };

export function readNumber(value: unknown): NumberForm {
  if (value === undefined || value === null) return { mode: 'fixed', value: undefined };
  if (typeof value === 'number') return { mode: 'fixed', value };
  if (isUncertainForm(value)) {
    if ('range' in value && Array.isArray(value.range) && value.range.length === 2) {
      return { mode: 'range', low: value.range[0], high: value.range[1] };
    }
    if ('uncertain' in value) return { mode: 'distribution', distribution: value.uncertain };
  }
  return { mode: 'other', value };
}

/** The number a normal run uses: the value, a range's midpoint, a distribution's mean. */
export function nominalOf(value: unknown): number | undefined {
  const form = readNumber(value);
  if (form.mode === 'fixed') return form.value;
  if (form.mode === 'range') {
    return typeof form.low === 'number' && typeof form.high === 'number' ? (form.low + form.high) / 2 : undefined;
  }
  if (form.mode === 'distribution') return distributionMean(form.distribution);
  return undefined;
}

function spreadAround(nominal: number, integer: boolean): [number, number] {
  if (integer) {
    const low = Math.max(1, Math.floor(nominal * 0.8));
    return [low, Math.max(low + 1, Math.ceil(nominal * 1.2))];
  }
  return nominal === 0 ? [0, 1] : [tidy(nominal * 0.8), tidy(nominal * 1.2)];
}

/**
 * The value with another kind of uncertainty, keeping its nominal value where it can: a fixed
 * number becomes a range of ±20% around it, a range a uniform distribution over it, and back to
 * fixed takes the nominal value.
 */
export function withUncertainty(value: unknown, mode: Uncertainty, integer = false): unknown {
  const form = readNumber(value);
  const nominal = nominalOf(value) ?? 0;
  if (mode === 'fixed') return integer ? Math.round(nominal) : tidy(nominal);
  if (mode === 'range') {
    return { range: form.mode === 'range' ? [form.low, form.high] : spreadAround(nominal, integer) };
  }
  if (form.mode === 'distribution') return value;
  const [low, high] = form.mode === 'range' ? [form.low, form.high] : spreadAround(nominal, integer);
  return { uncertain: { uniform: [low, high] } };
}

// ---- distributions -------------------------------------------------------------------------

/** What a distribution field may hold: a plain number (perhaps uncertain), or one kind. */
export const DISTRIBUTION_CHOICES = ['number', ...DISTRIBUTION_KINDS] as const;
export type DistributionChoice = (typeof DISTRIBUTION_CHOICES)[number];

export const DISTRIBUTION_LABELS: Record<DistributionChoice, string> = {
  number: 'fixed',
  constant: 'constant',
  uniform: 'uniform',
  exponential: 'exponential',
  normal: 'normal',
  lognormal: 'lognormal',
  triangular: 'triangular',
  empirical: 'empirical',
};

/** One number of a distribution's parameters: its label and where it is inside the value. */
export interface DistributionParameter {
  label: string;
  at: FieldPath;
}

export const DISTRIBUTION_PARAMETERS: Record<Exclude<DistributionChoice, 'empirical'>, DistributionParameter[]> = {
  number: [{ label: '', at: [] }],
  constant: [{ label: 'value', at: ['constant'] }],
  uniform: [
    { label: 'from', at: ['uniform', 0] },
    { label: 'to', at: ['uniform', 1] },
  ],
  exponential: [{ label: 'mean', at: ['exponential'] }],
  normal: [
    { label: 'mean', at: ['normal', 'mean'] },
    { label: 'sd', at: ['normal', 'sd'] },
  ],
  lognormal: [
    { label: 'median', at: ['lognormal', 'median'] },
    { label: 'p95', at: ['lognormal', 'p95'] },
  ],
  triangular: [
    { label: 'min', at: ['triangular', 0] },
    { label: 'mode', at: ['triangular', 1] },
    { label: 'max', at: ['triangular', 2] },
  ],
};

/** The kind of a distribution value; null when it has none the editor knows (then it is left as written). */
export function distributionKind(value: unknown): DistributionChoice | null {
  if (typeof value === 'number' || isUncertainForm(value)) return 'number';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  return keys.length === 1 && (DISTRIBUTION_KINDS as readonly string[]).includes(keys[0])
    ? (keys[0] as DistributionChoice)
    : null;
}

// Replaces every uncertain parameter by its nominal value, so the distribution can be compiled.
function nominalSpec(value: unknown): unknown {
  if (isUncertainForm(value)) return nominalOf(value);
  if (Array.isArray(value)) return value.map(nominalSpec);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, nominalSpec(item)]));
  }
  return value;
}

/** The mean of a distribution (with uncertain parameters at their nominal values). */
export function distributionMean(value: unknown): number | undefined {
  if (distributionKind(value) === 'number') return nominalOf(value);
  if (distributionKind(value) === null) return undefined;
  try {
    const mean = compileDistribution(nominalSpec(value) as DistributionSpec).mean;
    return Number.isFinite(mean) ? mean : undefined;
  } catch {
    return undefined;
  }
}

/** The distribution as another kind with about the same mean (`fallbackMean` when it has none). */
export function withDistributionKind(value: unknown, kind: DistributionChoice, fallbackMean = 1): DistributionSpec {
  const mean = tidy(distributionMean(value) ?? fallbackMean);
  const positive = mean > 0 ? mean : 1;
  switch (kind) {
    case 'number':
      return mean;
    case 'constant':
      return { constant: mean };
    case 'uniform':
      return { uniform: [tidy(mean * 0.5), tidy(mean * 1.5)] };
    case 'exponential':
      return { exponential: positive };
    case 'normal':
      return { normal: { mean, sd: tidy(mean * 0.25) } };
    case 'lognormal':
      return { lognormal: { median: positive, p95: tidy(positive * 2) } };
    case 'triangular':
      return { triangular: [tidy(mean * 0.5), mean, tidy(mean * 1.5)] };
    case 'empirical':
      return { empirical: [tidy(mean * 0.5), mean, tidy(mean * 1.5)] };
  }
}

// ---- choices ----------------------------------------------------------------------------------

/**
 * The entries of a select of names or ids, each value once: an optional field has one empty
 * entry (what applies when it is left out), and a value not among the choices (an id that no
 * longer exists) appears once, marked. Each entry is [value, text].
 */
export function choiceEntries(
  shown: string,
  choices: readonly string[],
  optional: boolean,
  placeholder?: string,
): [string, string][] {
  const entries: [string, string][] = [];
  if (optional) entries.push(['', placeholder ? `— ${placeholder}` : '—']);
  if (shown !== '' && !choices.includes(shown)) entries.push([shown, `${shown} (unknown)`]);
  else if (!optional && shown === '') entries.push(['', '— choose —']);
  for (const choice of new Set(choices)) entries.push([choice, choice]);
  return entries;
}

// ---- outages ---------------------------------------------------------------------------------

export type OutageMode = 'none' | 'alternating' | 'schedule';

export function outageMode(value: unknown): OutageMode | null {
  if (value === undefined) return 'none';
  if (value === null || typeof value !== 'object') return null;
  if ('schedule' in value) return 'schedule';
  if ('every_s' in value || 'lasting_s' in value) return 'alternating';
  return null;
}

/** A starting point for each kind of outage: half an hour up and a minute down, or one fixed outage. */
export function withOutageMode(mode: OutageMode): unknown {
  if (mode === 'none') return undefined;
  if (mode === 'alternating') return { every_s: { exponential: 1800 }, lasting_s: { exponential: 60 } };
  return { schedule: [[60, 120]] };
}

// ---- replicas: a number or an autoscaling range ----------------------------------------------

export type ReplicasMode = 'fixed' | 'autoscaled';

export function replicasMode(value: unknown): ReplicasMode {
  return value !== null && typeof value === 'object' && 'min' in value ? 'autoscaled' : 'fixed';
}

export function withReplicasMode(value: unknown, mode: ReplicasMode): unknown {
  if (mode === replicasMode(value)) return value;
  if (mode === 'fixed') return Math.round(nominalOf((value as { max?: unknown }).max) ?? 1);
  const replicas = Math.max(1, Math.round(nominalOf(value) ?? 1));
  return { min: replicas, max: Math.max(replicas * 4, replicas + 1), target_utilization: 0.6 };
}

// ---- the 24-hour load profile ----------------------------------------------------------------

export const HOURS_PER_DAY = 24;

/**
 * A profile with the same peak and daily volume as `hours_per_day` of active use: full load for
 * that many hours from 08:00, none the rest of the day (flat around the clock without it).
 */
export function profileFromHours(hoursPerDay: number | undefined): number[] {
  const hours = Math.round(hoursPerDay ?? HOURS_PER_DAY);
  return Array.from({ length: HOURS_PER_DAY }, (_, hour) =>
    (hour - 8 + HOURS_PER_DAY) % HOURS_PER_DAY < hours ? 1 : 0,
  );
}

/** The top of the bar editor's scale: room above the largest bar, at least 2. */
export function profileScale(profile: readonly unknown[]): number {
  const largest = Math.max(0, ...profile.map((value) => nominalOf(value) ?? 0));
  return Math.max(2, Math.ceil(largest * 1.25 * 2) / 2);
}

/** The multiplier at a point of a bar `height` pixels tall (0 at the bottom), to two decimals. */
export function profileValueAt(offsetFromBottom: number, height: number, scale: number): number {
  const share = Math.min(1, Math.max(0, offsetFromBottom / height));
  return Math.round(share * scale * 100) / 100;
}

export function withHour(profile: readonly unknown[], hour: number, value: unknown): unknown[] {
  return profile.map((current, index) => (index === hour ? value : current));
}

// ---- maps keyed by id (fallback, cache and batching per step or component) -------------------

type Entries = Record<string, unknown>;

export function withEntry(record: Entries | undefined, key: string, entry: unknown): Entries {
  return { ...(record ?? {}), [key]: entry };
}

/** Removes an entry; an empty map is removed altogether (undefined). */
export function withoutEntry(record: Entries | undefined, key: string): Entries | undefined {
  const rest = Object.fromEntries(Object.entries(record ?? {}).filter(([entryKey]) => entryKey !== key));
  return Object.keys(rest).length === 0 ? undefined : rest;
}

/** Gives an entry another key, keeping its place in the map (the file's order). */
export function withEntryKey(record: Entries, from: string, to: string): Entries {
  if (from === to || to in record) return record;
  return Object.fromEntries(Object.entries(record).map(([key, entry]) => [key === from ? to : key, entry]));
}

// ---- lists of pairs (batch curves, outage schedules) ------------------------------------------

export type Pair = [unknown, unknown];

/** The next batch size (double the last) at a time growing as the last two did. */
export function nextBatchPoint(curve: readonly Pair[]): [number, number] {
  const last = curve[curve.length - 1];
  if (!last) return [4, 2.2];
  const size = nominalOf(last[0]) ?? 1;
  const factor = nominalOf(last[1]) ?? 1;
  return [Math.max(2, Math.round(size * 2)), tidy(Math.max(1, factor) * 1.8)];
}

/** The next scheduled outage: as long as the last one, a minute after it ends. */
export function nextOutage(schedule: readonly Pair[]): [number, number] {
  const last = schedule[schedule.length - 1];
  if (!last) return [60, 120];
  const start = nominalOf(last[0]) ?? 0;
  const end = nominalOf(last[1]) ?? start;
  return [tidy(end + 60), tidy(end + 60 + Math.max(1, end - start))];
}

export function withoutItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, position) => position !== index);
}
