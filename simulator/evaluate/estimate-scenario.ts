// The queueing estimate of every option, in microseconds: what the app shows at once, before
// the simulation refines it (DESIGN.md section 5).
import { estimateOption } from '../analytic/option-estimate';
import type { AnalyticEstimate } from '../results';
import type { Scenario } from '../scenario/schema';
import { buildOptionPlan } from './option-plan';
import { buildSystemModel } from './system-model';

export interface OptionEstimate {
  id: string;
  analytic: AnalyticEstimate;
}

export function estimateScenario(scenario: Scenario): OptionEstimate[] {
  const system = buildSystemModel(scenario);
  return scenario.options.map((option) => ({
    id: option.id,
    analytic: estimateOption(system, buildOptionPlan(system, option)),
  }));
}
