// Fixture scenarios for the canvas's unit tests.
import type { ScenarioDraft } from '../../../app/editing/draft';

/** A watch, a phone and a cloud, linked in a chain, with a cache and a fallback in one option. */
export function threeTierDraft(): ScenarioDraft {
  return {
    placewise: 1,
    name: 'Three tier',
    components: [
      { id: 'watch', kind: 'wearable', hardware: 'smart-glasses-soc', battery_wh: 1 },
      { id: 'phone', kind: 'phone', hardware: 'phone-midrange', battery_wh: 15 },
      { id: 'cloud', kind: 'cloud', hardware: 'aws-c7i-xlarge', replicas: 2 },
    ],
    links: [
      { id: 'watch-phone', between: ['watch', 'phone'], tech: 'bluetooth' },
      { id: 'phone-cloud', between: ['phone', 'cloud'], tech: 'lte', mbps: 20 },
    ],
    models: [
      { id: 'asr', size_mb: 40, gflop: 2 },
      { id: 'intent', size_mb: 5, gflop: 0.2 },
    ],
    workload: { users: 1000, per_user_rps: 0.05, source: 'watch', requests: 500 },
    pipeline: [
      { id: 'wake', at: 'watch', compute_ms: 5, output_kb: 16 },
      { id: 'recognize', model: 'asr', output_kb: 1 },
      { id: 'understand', model: 'intent', output_kb: 0.2 },
    ],
    options: [
      { id: 'on-phone', place: { recognize: 'phone', understand: 'phone' } },
      {
        id: 'in-cloud',
        place: { recognize: 'cloud', understand: 'cloud' },
        fallback: { recognize: { at: 'phone' } },
        cache: { recognize: { at: 'phone', hit_rate: 0.4 } },
      },
    ],
  };
}

export const POSITIONS = {
  watch: { x: 0, y: 0 },
  phone: { x: 0, y: 300 },
  cloud: { x: 600, y: 100 },
} as const;
