// Does an option's set of models fit the devices it puts them on (DESIGN.md section 2, "Fit")?
// Every model the option keeps on a component (the steps placed there, their fallbacks and the
// second models of cascades, each model once) must fit the hardware's RAM and storage: a model
// is loaded whole to run, and it is stored to be loaded.
import type { BudgetVerdict, FitResult } from '../results';
import type { Model } from '../scenario/schema';
import type { OptionPlan } from './option-plan';
import type { SystemModel } from './system-model';

const MB_PER_GB = 1000;

/** The distinct models the option keeps on each component, by component index, in pipeline order. */
export function modelsByComponent(plan: OptionPlan): Map<number, Model[]> {
  const held = new Map<number, Model[]>();
  for (const stepPlan of plan.steps) {
    for (const placement of [stepPlan.primary, stepPlan.fallback, stepPlan.cascade?.placement]) {
      if (!placement?.model) continue;
      const models = held.get(placement.component) ?? [];
      if (!models.includes(placement.model)) models.push(placement.model);
      held.set(placement.component, models);
    }
  }
  return held;
}

/** Per component that holds models: their total size against its RAM and storage, and why not when they do not fit. */
export function modelFit(system: SystemModel, plan: OptionPlan): FitResult[] {
  return [...modelsByComponent(plan)].map(([index, models]) => {
    const component = system.components[index];
    // A device population must fit on its smallest device: each limit is the tightest tier's.
    const devices = component.tiers?.map((tier) => ({
      name: `${component.id} (${tier.hardwareId})`,
      hardware: tier.hardware,
    })) ?? [{ name: component.id, hardware: component.hardware }];
    const tightest = (key: 'ram_mb' | 'storage_gb') =>
      devices
        .filter((device) => device.hardware[key] !== undefined)
        .sort((a, b) => a.hardware[key]! - b.hardware[key]!)[0];
    const ramDevice = tightest('ram_mb');
    const storageDevice = tightest('storage_gb');
    const ramMb = ramDevice?.hardware.ram_mb;
    const storageGb = storageDevice?.hardware.storage_gb;
    const totalMb = models.reduce((sum, model) => sum + model.size_mb, 0);
    // Written out only for a reason: formatting the sizes is most of the work of a fit that holds.
    const sizes = () => models.map((model) => `${model.id} ${trimMb(model.size_mb)} MB`).join(' + ');
    const reasons: string[] = [];
    // Stryker disable next-line ConditionalExpression: a comparison with an undefined limit is false anyway; the test is there for the type.
    if (ramMb !== undefined && totalMb > ramMb) reasons.push(`${sizes()} > ${ramDevice!.name} ${trimMb(ramMb)} MB RAM`);
    // Stryker disable next-line ConditionalExpression: a comparison with an undefined limit is false anyway; the test is there for the type.
    if (storageGb !== undefined && totalMb > storageGb * MB_PER_GB) {
      reasons.push(`${sizes()} > ${storageDevice!.name} ${trimMb(storageGb)} GB storage`);
    }
    return {
      component: component.id,
      models: models.map((model) => model.id),
      size_mb: totalMb,
      ...(ramMb !== undefined ? { ram_mb: ramMb } : {}),
      ...(storageGb !== undefined ? { storage_gb: storageGb } : {}),
      pass: reasons.length === 0,
      ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
    };
  });
}

/**
 * A failing verdict for each limit a component's models break (`fit.glasses.ram_mb`), so that an
 * option that does not fit fails wherever verdicts are read; components that fit add none.
 */
export function fitVerdicts(fit: readonly FitResult[]): BudgetVerdict[] {
  return fit.flatMap((entry) => {
    const verdicts: BudgetVerdict[] = [];
    // Stryker disable next-line ConditionalExpression: a comparison with an undefined limit is false anyway; the test is there for the type.
    if (entry.ram_mb !== undefined && entry.size_mb > entry.ram_mb) {
      verdicts.push({ name: `fit.${entry.component}.ram_mb`, limit: entry.ram_mb, value: entry.size_mb, pass: false });
    }
    // Stryker disable next-line ConditionalExpression: a comparison with an undefined limit is false anyway; the test is there for the type.
    if (entry.storage_gb !== undefined && entry.size_mb > entry.storage_gb * MB_PER_GB) {
      verdicts.push({
        name: `fit.${entry.component}.storage_gb`,
        limit: entry.storage_gb,
        value: entry.size_mb / MB_PER_GB,
        pass: false,
      });
    }
    return verdicts;
  });
}

// Sizes as a person writes them: 300, 4.7, 0.35 (never 4.700000000000001).
function trimMb(value: number): string {
  return String(Number(value.toPrecision(4)));
}
