// What the target component's work would cost as a serverless function: per request plus per
// GB-second of run time (serverless cost per month = requests x usd_per_million / 1e6 +
// GB-seconds x usd_per_gb_s). Priced as the scenario's own serverless component if it has one,
// else as AWS Lambda with its defaults; the free tier is left out (it is per account, not per service).
import { buildOptionPlan } from '../evaluate/option-plan';
import { buildSystemModel, type SystemModel } from '../evaluate/system-model';
import { mainHardware } from '../scenario/hardware-tiers';
import type { Scenario } from '../scenario/schema';
import { targetStation } from './capacity-target';

/** AWS Lambda, x86, 2024 (AWS Lambda pricing page): the defaults of a serverless component. */
const LAMBDA = { hardware: 'aws-lambda-2gb', usdPerMillion: 0.2, usdPerGbS: 0.0000166667, memoryGb: 2 };

export interface ServerlessPricing {
  /** `component:ID` (the scenario's serverless component) or `aws-lambda-defaults`. */
  source: string;
  hardware: string;
  usd_per_million: number;
  usd_per_gb_s: number;
  memory_gb: number;
  /** Mean run time of the target's work per request there (one request per instance, as Lambda runs them). */
  service_ms: number;
  /** Monthly cost per request per second of peak load at the component. */
  usd_per_rps_month: number;
}

export function serverlessPricing(system: SystemModel, optionId: string, component: number): ServerlessPricing {
  const { scenario } = system;
  const existing = scenario.components.find((entry) => entry.kind === 'serverless');
  const pricing = existing
    ? {
        source: `component:${existing.id}`,
        hardware: mainHardware(existing),
        usdPerMillion: existing.usd_per_million ?? LAMBDA.usdPerMillion,
        usdPerGbS: existing.usd_per_gb_s ?? LAMBDA.usdPerGbS,
        memoryGb: existing.memory_gb ?? LAMBDA.memoryGb,
      }
    : { source: 'aws-lambda-defaults', ...LAMBDA };
  // The same work on the serverless hardware: the target component turned into that function.
  const targetId = system.components[component].id;
  const asFunction: Scenario = {
    ...scenario,
    components: scenario.components.map((entry) =>
      entry.id === targetId
        ? { id: entry.id, kind: 'serverless' as const, hardware: pricing.hardware, scope: 'shared' as const }
        : entry,
    ),
  };
  const serverlessSystem = buildSystemModel(asFunction);
  const option = asFunction.options.find((entry) => entry.id === optionId)!;
  const station = targetStation(serverlessSystem, buildOptionPlan(serverlessSystem, option), component);
  // Requests per month at the component for each request per second of (peak) load there.
  const peakRps = system.users * system.perUserRps;
  const monthlyRequestsPerRps = peakRps > 0 ? system.requestsPerMonth / peakRps : 0;
  const perRequest =
    pricing.usdPerMillion / 1e6 + (station.meanServiceMs / 1000) * pricing.memoryGb * pricing.usdPerGbS;
  return {
    source: pricing.source,
    hardware: pricing.hardware,
    usd_per_million: pricing.usdPerMillion,
    usd_per_gb_s: pricing.usdPerGbS,
    memory_gb: pricing.memoryGb,
    service_ms: station.meanServiceMs,
    usd_per_rps_month: perRequest * monthlyRequestsPerRps,
  };
}
