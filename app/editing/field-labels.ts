// What each scenario key is called where a person reads it: the inspector's labels, and the
// names of uncertain values in the tornado (`links[1].latency_ms.lognormal.median` reads "Link
// phone-cloud latency median"). One table, so the two never disagree.
import { DISTRIBUTION_KINDS } from '../../simulator/scenario/distribution-spec';
import { formatPath } from '../../simulator/scenario/scenario-error';

export const FIELD_LABELS: Record<string, string> = {
  id: 'Id',
  label: 'Label',
  name: 'Name',
  description: 'Description',
  seed: 'Seed',
  decision: 'Decision',
  kind: 'Kind',
  hardware: 'Hardware',
  scope: 'Scope',
  battery_wh: 'Battery',
  replicas: 'Replicas',
  min: 'Fewest replicas',
  max: 'Most replicas',
  target_utilization: 'Target utilisation',
  scale_interval_s: 'Scale every',
  cold_start_ms: 'Cold start',
  metric: 'Utilisation read',
  usd_per_hour: 'Price per replica',
  usd_per_million: 'Price per million requests',
  usd_per_gb_s: 'Price per GB-second',
  memory_gb: 'Memory',
  keep_warm_s: 'Kept warm for',
  concurrency: 'Most instances',
  cores: 'Cores',
  between: 'Ends',
  tech: 'Technology',
  latency_ms: 'Latency',
  mbps: 'Bandwidth',
  usd_per_gb: 'Traffic price',
  energy_j_per_mb: 'Radio energy',
  outages: 'Outages',
  every_s: 'Up for',
  lasting_s: 'Down for',
  schedule: 'Schedule',
  file: 'File',
  size_mb: 'Size',
  gflop: 'Work per inference',
  p50: 'p50',
  p95: 'p95',
  on: 'Measured on',
  overhead_ms: 'Per-call overhead',
  accuracy: 'Accuracy',
  updates_per_month: 'Updates',
  batch_curve: 'Batch curve',
  users: 'Users',
  per_user_rps: 'Requests per user',
  arrivals: 'Arrivals',
  hours_per_day: 'Active use',
  load_profile: 'Load profile',
  source: 'Source',
  sink: 'Sink',
  requests: 'Simulated requests',
  duration_s: 'Simulated time',
  at: 'Runs on',
  model: 'Model',
  compute_ms: 'Compute',
  output_kb: 'Output',
  monthly_usd: 'Monthly cost',
  link_utilization: 'Link utilisation',
  battery_hours: 'Battery life',
  offline_success: 'Offline success',
  success_rate: 'Success rate',
  pattern: 'Pattern',
  place: 'Placement',
  fallback: 'Fallbacks',
  cache: 'Caches',
  hit_rate: 'Hit rate',
  telemetry: 'Telemetry',
  sample_rate: 'Sampled share',
  kb: 'Size',
  to: 'Sent to',
  batching: 'Batching',
  max_batch: 'Largest batch',
  max_wait_ms: 'Longest wait',
  gflops: 'Throughput',
  ram_mb: 'Memory',
  storage_gb: 'Storage',
  power_w: 'Power',
  memory_gbps: 'Memory bandwidth',
  mb_per_inference: 'Read per inference',
  hardware_mix: 'Hardware mix',
  personal: 'Personal output',
  personal_gb_per_month: 'Personal data out',
  idle: 'Idle',
  active: 'Active',
  models: 'Models',
  cascade: 'Cascades',
  escalate_rate: 'Escalated share',
};

const ITEM_NAMES: Record<string, string> = {
  components: 'Component',
  links: 'Link',
  models: 'Model',
  pipeline: 'Step',
  options: 'Option',
};

const SECTION_NAMES: Record<string, string> = {
  workload: 'Workload',
  budgets: 'Budget',
  hardware: 'Hardware',
};

// Inside a distribution, the parameter's own name reads better than the kind's.
const PARAMETER_NAMES: Record<string, readonly string[]> = {
  uniform: ['low', 'high'],
  triangular: ['min', 'mode', 'max'],
  range: ['low', 'high'],
};

const DISTRIBUTION_WRAPPERS: readonly string[] = ['uncertain', 'range', ...DISTRIBUTION_KINDS];

/** The segments of a path as errors and reports write it: `links[1].mbps` → ['links', 1, 'mbps']. */
export function parsePath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) =>
    match[2] !== undefined ? Number(match[2]) : match[1],
  );
}

/**
 * A person's name for a value at `path` of a scenario: the item by its id, then each key by its
 * label in lower case (`Link phone-cloud latency median`, `Workload users`, `Hour 7 load`).
 */
export function pathLabel(path: readonly (string | number)[], draft: unknown): string {
  const [section, index, ...rest] = path;
  const words: string[] = [];
  let tail: readonly (string | number)[];
  const item = ITEM_NAMES[String(section)];
  if (item && typeof index === 'number') {
    const list = (draft as Record<string, unknown> | null)?.[section as string];
    const id = Array.isArray(list) ? (list[index] as { id?: unknown } | undefined)?.id : undefined;
    words.push(`${item} ${typeof id === 'string' ? id : `#${index + 1}`}`);
    tail = rest;
  } else if (SECTION_NAMES[String(section)]) {
    words.push(SECTION_NAMES[String(section)]);
    tail = path.slice(1);
  } else tail = path;
  tail.forEach((segment, position) => {
    const previous = tail[position - 1];
    if (typeof segment === 'number') {
      const names = PARAMETER_NAMES[String(previous)];
      if (names) words.push(names[segment] ?? `#${segment + 1}`);
      else if (previous === 'load_profile') words.push(`hour ${segment}`);
      else words.push(`#${segment + 1}`);
      return;
    }
    // The kind of a distribution and an uncertain value's wrapper say nothing a reader needs.
    if (DISTRIBUTION_WRAPPERS.includes(segment)) {
      if (segment === 'exponential') words.push('mean');
      return;
    }
    words.push((FIELD_LABELS[segment] ?? segment).toLowerCase());
  });
  const text = words.join(' ');
  return text === '' ? formatPath(path) : text.charAt(0).toUpperCase() + text.slice(1);
}
