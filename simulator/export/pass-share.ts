// A Monte Carlo pass share as the terminal table, the app and the reports write it: with its
// least and most, `9% (0%-42%)`, where some samples' full runs left the verdict undecided (the
// figure within the run's own noise of the budget), so that the share alone does not claim more
// than the samples decided.
import type { MonteCarloOption } from '../uncertainty/monte-carlo-summary';

/** A share in whole percents, with one decimal just under 100% (99.5% is not 100%). */
export const formatPercent = (share: number) => `${(share * 100).toFixed(share > 0.99 && share < 1 ? 1 : 0)}%`;

/** The share, followed by its least and most where they differ. */
export function formatPassShare(share: number, range: readonly [number, number] | undefined): string {
  return range && range[0] !== range[1]
    ? `${formatPercent(share)} (${formatPercent(range[0])}-${formatPercent(range[1])})`
    : formatPercent(share);
}

/** Whether any option's pass share (per budget or for every budget) is shown with a range. */
export function someShareHasRange(options: readonly MonteCarloOption[]): boolean {
  const differs = (range: readonly [number, number] | undefined) => range !== undefined && range[0] !== range[1];
  return options.some(
    (option) =>
      differs(option.pass_all_probability_range) || Object.values(option.pass_probability_range ?? {}).some(differs),
  );
}

/** What the range after a pass share means, for a reader who has not read the README. */
export const PASS_RANGE_NOTE =
  "In brackets after a chance of passing: the least and the most it could be, were the samples whose full run could not decide that verdict (a figure within the run's own noise of the budget) all failing, then all passing.";
