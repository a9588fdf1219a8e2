// A device population's figures tier by tier: the latency of the requests of the users who own
// each tier, and each tier's battery life. The option's overall latency is the mixture of these.
import type { HardwareTierResult, OptionResult } from '../results';
import { summarizeLatencies } from './latency-statistics';
import type { OptionRun } from './simulate-option';
import type { SystemModel } from './system-model';

export function tierResults(
  system: SystemModel,
  run: OptionRun,
  tierHours: ReadonlyMap<number, readonly (number | undefined)[]>,
): NonNullable<OptionResult['hardware_mix']> {
  return run.tiers.map(({ component, tierOfUser }) => {
    const model = system.components[component];
    const tiers = model.tiers!;
    const measuredUsers = run.measuredUsers!;
    const perTier = tiers.map(() => [] as number[]);
    for (let index = 0; index < run.latencies.length; index++) {
      perTier[tierOfUser[measuredUsers[index]]].push(run.latencies[index]);
    }
    return {
      component: model.id,
      tiers: tiers.map((tier, index): HardwareTierResult => {
        const summary = summarizeLatencies(Float64Array.from(perTier[index]), false)?.summary;
        const battery = tierHours.get(component)?.[index];
        return {
          hardware: tier.hardwareId,
          share: tier.share,
          users: tierOfUser.filter((owner) => owner === index).length,
          requests: perTier[index].length,
          ...(summary ? { latency_ms: summary } : {}),
          ...(battery !== undefined ? { battery_hours: battery } : {}),
        };
      }),
    };
  });
}
