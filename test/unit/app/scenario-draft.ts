// A small valid scenario draft for the renderer's unit tests.
import type { ScenarioDraft } from '../../../app/editing/draft';

export function twoTierDraft(): ScenarioDraft {
  return {
    placewise: 1,
    name: 'Two tier',
    components: [
      { id: 'camera', kind: 'camera', hardware: 'raspberry-pi-5' },
      { id: 'cloud', kind: 'cloud', hardware: 'aws-c7i-xlarge', replicas: 1 },
    ],
    links: [{ id: 'uplink', between: ['camera', 'cloud'], tech: 'lte', mbps: 10 }],
    models: [{ id: 'detector', size_mb: 12, gflop: 2 }],
    workload: { users: 10, per_user_rps: 1, source: 'camera', requests: 500 },
    pipeline: [
      { id: 'capture', at: 'camera', compute_ms: 2, output_kb: 100 },
      { id: 'detect', model: 'detector', output_kb: 1 },
    ],
    options: [
      { id: 'local', place: { detect: 'camera' } },
      { id: 'remote', place: { detect: 'cloud' }, fallback: { detect: { at: 'camera' } } },
    ],
    decision: 'remote',
  };
}
