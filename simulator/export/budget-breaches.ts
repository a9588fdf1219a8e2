// Which links and components make an option break its budgets, so diagrams can mark them.
import type { OptionResult } from '../results';
import type { Scenario } from '../scenario/schema';

export interface BudgetBreaches {
  links: Set<string>;
  components: Set<string>;
}

/**
 * Links busier than the utilisation budget, battery components that run out before the
 * battery budget, and saturated places (utilisation at or above 1): a saturated queue grows
 * without bound, which breaks any latency budget, so it is marked even with no budget on it.
 */
export function budgetBreaches(scenario: Scenario, option: OptionResult | undefined): BudgetBreaches {
  const breaches: BudgetBreaches = { links: new Set(), components: new Set() };
  if (!option) return breaches;
  const { link_utilization: linkLimit, battery_hours: batteryLimit } = scenario.budgets;
  for (const link of option.links) {
    if (link.utilization >= 1 || (linkLimit !== undefined && link.utilization > linkLimit)) breaches.links.add(link.id);
  }
  for (const component of option.components) {
    if (component.utilization >= 1) breaches.components.add(component.id);
  }
  for (const [component, hours] of Object.entries(option.battery_hours)) {
    if (batteryLimit !== undefined && hours < batteryLimit) breaches.components.add(component);
  }
  // Verdicts named after one link or component (`battery_hours.glasses`) count too, whatever
  // rule produced them.
  const known = new Set([...scenario.links.map((link) => link.id), ...scenario.components.map((c) => c.id)]);
  for (const verdict of option.budgets) {
    const subject = verdict.name.slice(verdict.name.indexOf('.') + 1);
    if (verdict.pass || !known.has(subject)) continue;
    if (verdict.name.startsWith('link_utilization.')) breaches.links.add(subject);
    if (verdict.name.startsWith('battery_hours.')) breaches.components.add(subject);
  }
  return breaches;
}
