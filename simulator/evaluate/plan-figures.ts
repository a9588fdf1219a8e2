// What an option's evaluation reads of its plan alone, worked out once per plan: the analytic
// estimate and the models' fit depend on nothing a run draws, and a Monte Carlo sample runs an
// option up to three times (its stages) on the same plan. Held only as long as the plan is.
import { estimateOption } from '../analytic/option-estimate';
import type { AnalyticEstimate, FitResult } from '../results';
import { modelFit } from './model-fit';
import type { OptionPlan } from './option-plan';
import type { SystemModel } from './system-model';

const estimates = new WeakMap<OptionPlan, AnalyticEstimate>();
const fits = new WeakMap<OptionPlan, FitResult[]>();

/** estimateOption of the plan (of `system`, which built it), shared by every run of it: read-only. */
export function planEstimate(system: SystemModel, plan: OptionPlan): AnalyticEstimate {
  let estimate = estimates.get(plan);
  // Stryker disable next-line ConditionalExpression: working it out again gives the same estimate; the map only saves the work.
  if (estimate === undefined) {
    estimate = estimateOption(system, plan);
    estimates.set(plan, estimate);
  }
  return estimate;
}

/** modelFit of the plan (of `system`, which built it), shared by every run of it: read-only. */
export function planFit(system: SystemModel, plan: OptionPlan): FitResult[] {
  let fit = fits.get(plan);
  // Stryker disable next-line ConditionalExpression: working it out again gives the same fit; the map only saves the work.
  if (fit === undefined) {
    fit = modelFit(system, plan);
    fits.set(plan, fit);
  }
  return fit;
}
