// A one-server scenario with uncertain numbers, as written (before validation): the service
// time and the server's price are uncertain, so the answers of Monte Carlo and the tornado are known.
import { parseScenarioText, type UncertainScenario } from '../../../simulator';

export const UNCERTAIN_STATION = `placewise: 1
name: uncertain station
seed: 3
hardware:
  box: { cores: 1, gflops: 1 }
components:
  - id: server
    kind: cloud
    hardware: box
    usd_per_hour: { range: [1, 3] }
workload:
  users: 1
  per_user_rps: 20
  source: server
  requests: 400
pipeline:
  - id: serve
    at: server
    compute_ms: { exponential: { uncertain: { uniform: [5, 15] } } }
budgets:
  latency_ms: { p95: 40 }
  monthly_usd: 1500
options:
  - id: only
`;

export function uncertainStation(): UncertainScenario {
  const parsed = parseScenarioText(UNCERTAIN_STATION);
  if (!parsed.ok || !parsed.uncertain) throw new Error('the fixture should load with uncertain values');
  return parsed.uncertain;
}
