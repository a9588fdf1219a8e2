// The decision record of a report, in MADR form (https://adr.github.io/madr/): the context,
// the drivers (budgets), the options considered with their numbers, the outcome and its
// consequences, good and bad.
import type { BudgetVerdict, ScenarioResults } from '../results';
import type { Scenario } from '../scenario/schema';
import { budgetLimits, budgetTitle, describeBudget, formatBudgetValue, verdictSummary } from './budget-format';
import { formatCount, formatMs, formatShare, formatUsd } from './figures';
import { PATTERN_TRADEOFFS } from './pattern-tradeoffs';

/** A decision record in MADR form (https://adr.github.io/madr/). */
export interface DecisionRecord {
  title: string;
  status: 'accepted' | 'proposed';
  context: string;
  drivers: string[];
  considered: string[];
  chosen: string | null;
  outcome: string;
  good: string[];
  bad: string[];
}

/**
 * The scenario's recorded decision (accepted), else the recommendation (proposed). A decision
 * that breaks budgets is recorded as such: the record says what was accepted.
 */
export function decisionRecord(scenario: Scenario, results: ScenarioResults): DecisionRecord {
  const chosen = scenario.decision ?? results.recommendation;
  const chosenResult = results.options.find((option) => option.id === chosen);
  const drivers = budgetLimits(results).map(([name, limit]) => `${budgetTitle(name)} ${describeBudget(name, limit)}`);
  const considered = results.options.map(
    (option) =>
      `${option.id}${option.pattern ? ` (${option.pattern})` : ''}: p95 ${formatMs(option.latency_ms.p95)}, ${formatUsd(option.monthly_usd.total)}/month, offline success ${formatShare(option.offline.success_rate)}; ${verdictSummary(option)}`,
  );
  const context =
    `Where should each step of ${scenario.name} run (${scenario.pipeline.map((step) => step.id).join(', ')}), given ${formatCount(scenario.workload.users)} users on ${scenario.components.map((component) => component.id).join(', ')}? ${scenario.description ?? ''}`.trim();
  if (!chosen || !chosenResult) {
    return {
      title: `Placement for ${scenario.name}`,
      status: 'proposed',
      context,
      drivers,
      considered,
      chosen: null,
      outcome: 'No option chosen: none meets every budget.',
      good: [],
      bad: [],
    };
  }
  const met = chosenResult.budgets.filter((verdict) => verdict.pass);
  const broken = chosenResult.budgets.filter((verdict) => !verdict.pass);
  const describe = (verdict: BudgetVerdict) =>
    `${budgetTitle(verdict.name)} ${formatBudgetValue(verdict.name, verdict.value)} (${describeBudget(verdict.name, verdict.limit)})`;
  const pattern = chosenResult.pattern
    ? PATTERN_TRADEOFFS[chosenResult.pattern as keyof typeof PATTERN_TRADEOFFS]
    : undefined;
  const reason =
    results.recommendation_reason && chosen === results.recommendation
      ? ` (${results.recommendation_reason.replace(/\.$/, '')})`
      : '';
  const because =
    broken.length === 0
      ? 'it meets every budget'
      : `it was chosen although it breaks ${broken.map((verdict) => budgetTitle(verdict.name)).join(', ')}`;
  return {
    title: `Placement for ${scenario.name}`,
    status: scenario.decision ? 'accepted' : 'proposed',
    context,
    drivers,
    considered,
    chosen,
    outcome: `Chosen option: ${chosen}, because ${because}${reason}.`,
    good: [...met.map(describe), ...(pattern?.good ?? [])],
    bad: [...broken.map(describe), ...chosenResult.warnings, ...(pattern?.bad ?? [])],
  };
}
