// Each budget of the scenario checked against an option's figures, and the recommendation.
import type { BudgetVerdict, OptionResult } from '../results';
import { LATENCY_STATISTICS, type Scenario } from '../scenario/schema';

/** The figures budgets are checked against: those of a run, or the few a Monte Carlo sample's exact estimate gives. */
export type Figures = Pick<
  OptionResult,
  | 'latency_ms'
  | 'monthly_usd'
  | 'links'
  | 'battery_hours'
  | 'offline'
  | 'success_rate'
  | 'accuracy'
  | 'personal_gb_per_month'
> &
  Partial<Omit<OptionResult, 'budgets' | 'pass'>>;

/**
 * Whether a figure keeps within its budget. Budgets on success, offline success, accuracy and
 * battery are floors (at least the limit); the others are ceilings (at most the limit).
 */
export function withinBudget(name: string, limit: number, value: number): boolean {
  return /^(success_rate|offline_success|accuracy|battery_hours\.)/.test(name) ? value >= limit : value <= limit;
}

export function budgetVerdicts(budgets: Scenario['budgets'], figures: Figures, hasLatency: boolean): BudgetVerdict[] {
  const verdicts: BudgetVerdict[] = [];
  // A figure that is unknown (null) fails its budget, except where the caller says it passes.
  const check = (name: string, limit: number, value: number | null, passWhenNull = false) =>
    verdicts.push({ name, limit, value, pass: value === null ? passWhenNull : withinBudget(name, limit, value) });
  for (const statistic of LATENCY_STATISTICS) {
    const limit = budgets.latency_ms?.[statistic];
    if (limit !== undefined) check(`latency_ms.${statistic}`, limit, hasLatency ? figures.latency_ms[statistic] : null);
  }
  if (budgets.monthly_usd !== undefined) check('monthly_usd', budgets.monthly_usd, figures.monthly_usd.total);
  if (budgets.link_utilization !== undefined) {
    for (const link of figures.links) {
      if (link.utilization > 0) check(`link_utilization.${link.id}`, budgets.link_utilization, link.utilization);
    }
  }
  if (budgets.battery_hours !== undefined) {
    for (const [component, hours] of Object.entries(figures.battery_hours)) {
      check(`battery_hours.${component}`, budgets.battery_hours, hours);
    }
  }
  // With no request that started during an outage, offline success is unknown and passes.
  if (budgets.offline_success !== undefined) {
    check('offline_success', budgets.offline_success, figures.offline.success_rate, true);
  }
  if (budgets.success_rate !== undefined) check('success_rate', budgets.success_rate, figures.success_rate);
  // No model with an accuracy: there is no figure to hold up, and the budget fails (value null).
  if (budgets.accuracy !== undefined) check('accuracy', budgets.accuracy, figures.accuracy);
  if (budgets.personal_gb_per_month !== undefined) {
    check('personal_gb_per_month', budgets.personal_gb_per_month, figures.personal_gb_per_month ?? 0);
  }
  return verdicts;
}

/**
 * The recommendation rule: the cheapest option (monthly total) that passes every budget; if
 * none passes, the one that fails the fewest budgets, then the lower p95 latency, then the
 * cheaper. Returns the id and the reason in one sentence, which speaks of the options
 * simulated: a run narrowed to some options (`--option`) knows nothing of the others.
 */
export function recommend(options: readonly OptionResult[]): { id: string | null; reason: string } {
  if (options.length === 0) return { id: null, reason: 'no options were evaluated' };
  const failures = (option: OptionResult) => option.budgets.filter((verdict) => !verdict.pass).length;
  const passing = options.filter((option) => option.pass);
  if (passing.length > 0) {
    const best = [...passing].sort(
      (a, b) => a.monthly_usd.total - b.monthly_usd.total || a.latency_ms.p95 - b.latency_ms.p95,
    )[0];
    const reason =
      options.length === 1
        ? `${best.id}, the only option simulated, passes every budget`
        : passing.length === 1
          ? `${best.id} is the only option of the ${options.length} simulated that passes every budget`
          : `${best.id} is the cheapest of the ${passing.length} options (of ${options.length} simulated) that pass every budget`;
    return { id: best.id, reason };
  }
  const best = [...options].sort(
    (a, b) =>
      failures(a) - failures(b) ||
      (Number.isNaN(a.latency_ms.p95) ? 1 : 0) - (Number.isNaN(b.latency_ms.p95) ? 1 : 0) ||
      a.latency_ms.p95 - b.latency_ms.p95 ||
      a.monthly_usd.total - b.monthly_usd.total,
  )[0];
  const count = failures(best);
  const budgets = `${count} budget${count === 1 ? '' : 's'}`;
  return {
    id: best.id,
    reason:
      options.length === 1
        ? `${best.id}, the only option simulated, breaks ${budgets}`
        : `no option of the ${options.length} simulated passes every budget; ${best.id} breaks the fewest (${budgets})`,
  };
}
