// File › New: a blank scenario, or a starting point for each placement pattern (the `pattern` key),
// each with a wearable or camera, a phone and a cloud already linked and options that simulate
// at once. The figures are placeholders to replace with the system's own (the description says
// so); the link technologies bring their documented defaults.
import type { ScenarioDraft } from '../editing/draft';
import { DEFAULT_HARDWARE } from '../editing/edits';

export const STARTER_PATTERNS = ['blank', 'client-side', 'server-centric', 'cached', 'hybrid'] as const;
export type StarterPattern = (typeof STARTER_PATTERNS)[number];
export const STARTER_DEVICES = ['wearable', 'camera'] as const;
export type StarterDevice = (typeof STARTER_DEVICES)[number];

export const STARTER_SUMMARIES: Record<StarterPattern, { title: string; summary: string }> = {
  blank: { title: 'Blank', summary: 'One device and one step: build the rest on the canvas.' },
  'client-side': {
    title: 'Client-side',
    summary: "Models on the user's device: fast and works offline; updates reach devices slowly.",
  },
  'server-centric': {
    title: 'Server-centric',
    summary: 'Models behind an API in the cloud: easy to update; a network round trip, fails offline.',
  },
  cached: {
    title: 'Cached',
    summary: 'Answers for common inputs kept near the user: fast on hits, saves bandwidth.',
  },
  hybrid: {
    title: 'Hybrid',
    summary: 'A server model with a smaller one on the phone when the network is down: degrades gracefully.',
  },
};

type Option = ScenarioDraft['options'][number];

function device(kind: StarterDevice) {
  // A watch-sized battery (about 300 mAh at 3.85 V) for a wearable; a mains-powered camera.
  return kind === 'wearable'
    ? { id: 'wearable', kind, hardware: DEFAULT_HARDWARE.wearable, battery_wh: 1.2 }
    : { id: 'camera', kind, hardware: DEFAULT_HARDWARE.camera };
}

const ON_PHONE: Option = { id: 'on-phone', pattern: 'client-side', place: { analyse: 'phone', decide: 'phone' } };
const IN_CLOUD: Option = { id: 'in-cloud', pattern: 'server-centric', place: { analyse: 'cloud', decide: 'cloud' } };

function options(pattern: Exclude<StarterPattern, 'blank'>, deviceId: string): Option[] {
  switch (pattern) {
    case 'client-side':
      return [{ id: 'on-device', pattern: 'client-side', place: { analyse: deviceId, decide: deviceId } }, ON_PHONE];
    case 'server-centric':
      return [IN_CLOUD, ON_PHONE];
    case 'cached':
      return [
        IN_CLOUD,
        { ...IN_CLOUD, id: 'cached', pattern: 'cached', cache: { analyse: { at: 'phone', hit_rate: 0.3 } } },
      ];
    case 'hybrid':
      return [
        ON_PHONE,
        IN_CLOUD,
        {
          id: 'hybrid',
          pattern: 'hybrid',
          place: { analyse: 'cloud', decide: 'phone' },
          fallback: { analyse: { at: 'phone', model: 'small-model' } },
        },
      ];
  }
}

export function starterScenario(pattern: StarterPattern, kind: StarterDevice): ScenarioDraft {
  const source = device(kind);
  const capture = { id: 'capture', at: source.id, compute_ms: 2, output_kb: kind === 'wearable' ? 32 : 200 };
  const base = {
    placewise: 1 as const,
    name: `New ${STARTER_SUMMARIES[pattern].title.toLowerCase()} system`,
    description: 'Started from a template: its figures are placeholders, to be replaced with your own.',
    workload: { users: 1000, per_user_rps: 0.05, hours_per_day: 2, source: source.id, requests: 2000 },
  };
  if (pattern === 'blank') {
    return { ...base, components: [source], pipeline: [capture], options: [{ id: 'baseline', place: {} }] };
  }
  return {
    ...base,
    components: [
      source,
      { id: 'phone', kind: 'phone', hardware: DEFAULT_HARDWARE.phone, battery_wh: 15 },
      { id: 'cloud', kind: 'cloud', hardware: DEFAULT_HARDWARE.cloud, replicas: 2, usd_per_hour: 0.1785 },
    ],
    links: [
      { id: `${source.id}-phone`, between: [source.id, 'phone'], tech: kind === 'wearable' ? 'bluetooth' : 'wifi' },
      { id: 'phone-cloud', between: ['phone', 'cloud'], tech: 'lte' },
    ],
    models: [
      { id: 'large-model', size_mb: 150, gflop: 4 },
      { id: 'small-model', size_mb: 20, gflop: 0.5 },
    ],
    pipeline: [
      capture,
      { id: 'analyse', model: 'large-model', output_kb: 1 },
      { id: 'decide', model: 'small-model', output_kb: 0.5 },
    ],
    budgets: { latency_ms: { p95: 1000 } },
    options: options(pattern, source.id),
  };
}
