// The Compare view's one-line answer: which option is recommended and why, or that none passes
// and which fails fewest (and on what); and how the recorded decision fares.
import { budgetTitle } from '../../simulator/export/budget-format';
import { formatMs, formatUsd } from '../../simulator/export/figures';
import type { OptionResult, ScenarioResults } from '../../simulator/results';
import { saturatedPlaces } from '../store/result-warnings';

export interface RecommendationSummary {
  /** True when some option passes every budget. */
  passing: boolean;
  text: string;
}

function failed(option: OptionResult): string[] {
  return option.budgets.filter((verdict) => !verdict.pass).map((verdict) => budgetTitle(verdict.name));
}

function latencyText(option: OptionResult): string {
  const saturated = saturatedPlaces(option);
  return saturated.length > 0 ? `${saturated.join(', ')} saturated` : `p95 ${formatMs(option.latency_ms.p95)}`;
}

export function recommendationSummary(results: ScenarioResults): RecommendationSummary | null {
  const best = results.options.find((option) => option.id === results.recommendation);
  if (!best) return null;
  const sentences: string[] = [];
  const passing = best.pass;
  if (passing) {
    const count = results.options.filter((option) => option.pass).length;
    const why =
      count === 1
        ? 'the only option that passes every budget'
        : `the cheapest of the ${count} options that pass every budget`;
    sentences.push(
      `Recommended: ${best.id}, ${why} (${latencyText(best)}, ${formatUsd(best.monthly_usd.total)} a month).`,
    );
  } else {
    const misses = failed(best);
    sentences.push(
      `No option passes every budget; ${best.id} fails fewest (${misses.length} of ${best.budgets.length}: ${misses.join(', ')}).`,
    );
  }
  const decision = results.options.find((option) => option.id === results.decision);
  if (decision && decision.id !== best.id) {
    sentences.push(
      decision.pass
        ? `The recorded decision, ${decision.id}, passes too.`
        : `The recorded decision, ${decision.id}, fails ${failed(decision).join(', ')}.`,
    );
  }
  return { passing, text: sentences.join(' ') };
}
