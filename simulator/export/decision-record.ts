// The decision record of a report, in MADR 4 form (https://adr.github.io/madr/): context and
// problem, drivers (the budgets), the options considered, the outcome and its consequences, how
// CI confirms it (`placewise check`), and the pros and cons of every option with their numbers.
import type { BudgetVerdict, OptionResult, ScenarioResults } from '../results';
import type { Scenario } from '../scenario/schema';
import { budgetLimits, budgetTitle, describeBudget, formatBudgetValue } from './budget-format';
import { formatCount, formatMs, formatShare, formatUsd } from './figures';
import { optionTitle } from './option-title';
import { PATTERN_TRADEOFFS } from './pattern-tradeoffs';

/** Never `accepted` while the decision breaks a budget. */
export type DecisionStatus = 'accepted' | 'proposed' | 'rejected';

export interface OptionProsCons {
  title: string;
  description: string;
  good: string[];
  bad: string[];
}

/** A decision record in MADR 4 form (https://adr.github.io/madr/). */
export interface DecisionRecord {
  title: string;
  status: DecisionStatus;
  /** YYYY-MM-DD. */
  date: string;
  deciders: string[];
  context: string;
  drivers: string[];
  considered: string[];
  chosen: string | null;
  outcome: string;
  good: string[];
  bad: string[];
  confirmation: string;
  options: OptionProsCons[];
}

export interface RecordSettings {
  /** The day of the record, YYYY-MM-DD. */
  date: string;
  /** How the confirmation names the scenario file (`scenarios/ar-translation.yaml`). */
  scenarioFile: string;
  deciders?: string[];
}

/**
 * The scenario's recorded decision, else the recommendation (proposed). A recorded decision is
 * accepted only while it meets every budget; breaking one, it is rejected when another option
 * meets them all, else it stays proposed (a budget or an option must change first).
 */
export function decisionRecord(scenario: Scenario, results: ScenarioResults, settings: RecordSettings): DecisionRecord {
  const chosen = scenario.decision ?? results.recommendation;
  const chosenResult = results.options.find((option) => option.id === chosen);
  const drivers = budgetLimits(results).map(([name, limit]) => `${budgetTitle(name)} ${describeBudget(name, limit)}`);
  const context =
    `Where should each step of ${scenario.name} run (${scenario.pipeline.map((step) => step.id).join(', ')}), given ${formatCount(scenario.workload.users)} users on ${scenario.components.map((component) => component.id).join(', ')}? ${scenario.description ?? ''}`.trim();
  const base = {
    title: `Placement for ${scenario.name}`,
    date: settings.date,
    deciders: settings.deciders ?? [],
    context,
    drivers,
    considered: results.options.map(optionTitle),
    options: results.options.map(prosAndCons),
  };
  const command = `placewise check ${settings.scenarioFile}`;
  if (!chosen || !chosenResult) {
    return {
      ...base,
      status: 'proposed',
      chosen: null,
      outcome: 'No option chosen: none meets every budget.',
      good: [],
      bad: [],
      confirmation: `\`${command}\` runs in CI and fails (exit 1) while no option meets every budget, as it does today.`,
    };
  }
  const broken = chosenResult.budgets.filter((verdict) => !verdict.pass);
  const pattern = patternTradeoffs(chosenResult);
  const reason =
    results.recommendation_reason && chosen === results.recommendation
      ? ` (${results.recommendation_reason.replace(/\.$/, '')})`
      : '';
  const because =
    broken.length === 0
      ? 'it meets every budget'
      : `it was chosen although it breaks ${broken.map((verdict) => budgetTitle(verdict.name)).join(', ')}`;
  const anotherPasses = results.options.some((option) => option.id !== chosen && option.pass);
  const status: DecisionStatus = !scenario.decision
    ? 'proposed'
    : broken.length === 0
      ? 'accepted'
      : anotherPasses
        ? 'rejected'
        : 'proposed';
  const today =
    broken.length === 0
      ? 'today it passes'
      : `today it fails: the decision breaks ${broken.map((verdict) => budgetTitle(verdict.name)).join(', ')}`;
  return {
    ...base,
    status,
    chosen,
    outcome: `Chosen option: "${optionTitle(chosenResult)}", because ${because}${reason}.`,
    good: [...chosenResult.budgets.filter((verdict) => verdict.pass).map(describeVerdict), ...pattern.good],
    bad: [...broken.map(describeVerdict), ...chosenResult.warnings, ...pattern.bad],
    confirmation: `\`${command}\` runs in CI and fails (exit 1) when the ${scenario.decision ? 'decision' : 'scenario, which records no decision yet,'} breaks a budget; ${today}.`,
  };
}

function prosAndCons(option: OptionResult): OptionProsCons {
  const pattern = patternTradeoffs(option);
  return {
    title: optionTitle(option),
    description: `\`${option.id}\`${option.pattern ? ` (${option.pattern})` : ''}: p95 ${formatMs(option.latency_ms.p95)}, ${formatUsd(option.monthly_usd.total)} a month, success ${formatShare(option.success_rate)}, offline success ${formatShare(option.offline.success_rate)}.`,
    good: [...option.budgets.filter((verdict) => verdict.pass).map(describeVerdict), ...pattern.good],
    bad: [...option.budgets.filter((verdict) => !verdict.pass).map(describeVerdict), ...pattern.bad],
  };
}

function describeVerdict(verdict: BudgetVerdict): string {
  return `${budgetTitle(verdict.name)} ${formatBudgetValue(verdict.name, verdict.value)} (${describeBudget(verdict.name, verdict.limit)})`;
}

function patternTradeoffs(option: OptionResult): { good: string[]; bad: string[] } {
  return (
    (option.pattern && PATTERN_TRADEOFFS[option.pattern as keyof typeof PATTERN_TRADEOFFS]) || { good: [], bad: [] }
  );
}
