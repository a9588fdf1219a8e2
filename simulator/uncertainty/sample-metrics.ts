// The figures Monte Carlo follows for each option of one evaluation: kept small, since every
// sample crosses a worker boundary, and named like the results JSON (`latency_ms.p95`).
import type { OptionResult } from '../results';

export interface OptionOutcome {
  id: string;
  /** Metric name to value; null where the run has no value (no request started offline). */
  metrics: Record<string, number | null>;
  /** Budget name (as in `budgets[].name`) to its verdict. */
  budgets: Record<string, boolean>;
  pass: boolean;
  /** Addition: how a Monte Carlo sample evaluated the option (absent for tornado evaluations). */
  evaluation?: SampleEvaluation;
}

/**
 * `exact`: the closed form of the queueing estimate, no simulation; `pilot`: a shorter run (a
 * stage, adaptive-sample.ts) that decided every verdict; `full`: simulated at the full request
 * count, with the verdicts even that run left undecided in `undecided`.
 * `requests`: measured requests simulated for the option in this sample, every stage's included.
 */
export interface SampleEvaluation {
  method: 'exact' | 'pilot' | 'full';
  requests: number;
  /** Addition: the budgets whose verdict the reported run left undecided (its figure's interval straddles the limit). */
  undecided?: string[];
}

export function optionOutcome(
  option: Pick<
    OptionResult,
    'id' | 'latency_ms' | 'monthly_usd' | 'success_rate' | 'offline' | 'battery_hours' | 'budgets' | 'pass'
  >,
): OptionOutcome {
  const finite = (value: number | null) => (value !== null && Number.isFinite(value) ? value : null);
  const metrics: Record<string, number | null> = {
    'latency_ms.mean': finite(option.latency_ms.mean),
    'latency_ms.p95': finite(option.latency_ms.p95),
    'latency_ms.p99': finite(option.latency_ms.p99),
    'monthly_usd.total': option.monthly_usd.total,
    success_rate: option.success_rate,
    'offline.success_rate': option.offline.success_rate,
  };
  for (const [component, hours] of Object.entries(option.battery_hours)) metrics[`battery_hours.${component}`] = hours;
  const budgets: Record<string, boolean> = {};
  for (const verdict of option.budgets) budgets[verdict.name] = verdict.pass;
  return { id: option.id, metrics, budgets, pass: option.pass };
}
