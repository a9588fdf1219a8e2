// Per option, the spread of each metric over the Monte Carlo samples and the probability of
// passing each budget.
import { type Spread, spreadOf } from './percentiles';
import type { OptionOutcome } from './sample-metrics';

export interface MonteCarloOption {
  id: string;
  /** p5, p50, p95 and mean of each metric over the samples in which it has a value. */
  metrics: Record<string, Spread>;
  /** Share of samples in which each budget passes. */
  pass_probability: Record<string, number>;
  /** Share of samples in which every budget passes. */
  pass_all_probability: number;
  /**
   * Addition: how the samples evaluated the option: by the exact queueing estimate, stopped
   * after a shorter run (a stage: an eighth or a quarter of the requests) that decided every
   * verdict, or simulated at the full request count; and the measured requests simulated per
   * sample on average (every stage's included).
   */
  evaluations?: { exact: number; pilot: number; full: number; mean_requests: number };
  /**
   * Addition: per budget, the least and the most share of samples that pass it whatever the
   * verdicts the samples' runs left undecided turn out to be: undecided ones counted failing,
   * then passing. The pass share lies between; the width is the share of undecided samples.
   */
  pass_probability_range?: Record<string, [number, number]>;
  /** Addition: the same for passing every budget. */
  pass_all_probability_range?: [number, number];
}

/** `samples[i]` holds the outcomes of sample i, one per option in scenario order. */
export function summarizeSamples(samples: readonly (readonly OptionOutcome[])[]): MonteCarloOption[] {
  const first = samples[0] ?? [];
  return first.map((option, optionIndex) => {
    const outcomes = samples.map((sample) => sample[optionIndex]);
    const metrics: Record<string, Spread> = {};
    for (const name of Object.keys(option.metrics)) {
      const values = outcomes.map((outcome) => outcome.metrics[name]).filter((value) => value !== null);
      if (values.length > 0) metrics[name] = spreadOf(values);
    }
    const share = (passes: (outcome: OptionOutcome) => boolean) => outcomes.filter(passes).length / outcomes.length;
    const pass_probability: Record<string, number> = {};
    for (const budget of Object.keys(option.budgets)) {
      pass_probability[budget] = share((outcome) => outcome.budgets[budget] === true);
    }
    const summary: MonteCarloOption = {
      id: option.id,
      metrics,
      pass_probability,
      pass_all_probability: share((outcome) => outcome.pass),
    };
    const evaluations = outcomes.flatMap((outcome) => (outcome.evaluation ? [outcome.evaluation] : []));
    if (evaluations.length > 0) {
      const count = (method: string) => evaluations.filter((evaluation) => evaluation.method === method).length;
      const requests = evaluations.reduce((sum, evaluation) => sum + evaluation.requests, 0);
      summary.evaluations = {
        exact: count('exact'),
        pilot: count('pilot'),
        full: count('full'),
        mean_requests: requests / evaluations.length,
      };
      const undecided = (outcome: OptionOutcome, budget: string) =>
        outcome.evaluation?.undecided?.includes(budget) === true;
      const range = (budget: string): [number, number] => [
        share((outcome) => outcome.budgets[budget] && !undecided(outcome, budget)),
        share((outcome) => outcome.budgets[budget] || undecided(outcome, budget)),
      ];
      summary.pass_probability_range = Object.fromEntries(
        Object.keys(option.budgets).map((name) => [name, range(name)]),
      );
      const budgets = Object.keys(option.budgets);
      summary.pass_all_probability_range = [
        share((outcome) => outcome.pass && !budgets.some((name) => undecided(outcome, name))),
        share((outcome) => budgets.every((name) => outcome.budgets[name] || undecided(outcome, name))),
      ];
    }
    return summary;
  });
}
