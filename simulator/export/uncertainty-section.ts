// The report's uncertainty section: how far the scenario's uncertain values move the answer.
// From a Monte Carlo study (placewise run --monte-carlo): per option the p5–p50–p95 band of
// p95 latency and monthly cost and the chance of passing each budget, and the tornado of the
// reported option (what moves its figures most).
import type { ScenarioResults } from '../results';
import type { MonteCarloReport } from '../uncertainty/monte-carlo-plan';
import type { Spread } from '../uncertainty/percentiles';
import { budgetTitle } from './budget-format';
import { formatFigure, formatMs, formatUsd } from './figures';
import { optionTitle } from './option-title';
import { formatPassShare, PASS_RANGE_NOTE, someShareHasRange } from './pass-share';
import type { ReportTable } from './decision-report';

export interface UncertaintySection {
  /** Why there is no study, or what it was (samples, requests, seed). */
  note: string;
  bands?: ReportTable;
  passProbabilities?: ReportTable;
  tornado?: ReportTable;
}

/** The tornado lists the values that move each metric most. */
const TORNADO_RANKS = 4;

export function uncertaintySection(
  results: ScenarioResults,
  study: MonteCarloReport | undefined,
  uncertainValues: number,
): UncertaintySection {
  if (uncertainValues === 0) {
    return {
      note: 'The scenario has no uncertain values (ranges or uncertain distributions): the figures above are the whole answer.',
    };
  }
  if (!study) {
    return {
      note: `The scenario has ${uncertainValues} uncertain values, but this report was made without a Monte Carlo study of them (placewise export --monte-carlo N makes one; the app's exports always do).`,
    };
  }
  const { monte_carlo: carlo, sensitivity } = study;
  const titles = new Map(results.options.map((option) => [option.id, optionTitle(option)]));
  const title = (id: string) => titles.get(id) ?? id;
  const band = (spread: Spread | undefined, format: (value: number) => string) =>
    spread && Number.isFinite(spread.p50)
      ? `${format(spread.p50)} (${format(spread.p5)} to ${format(spread.p95)})`
      : '—';
  const budgets = [...new Set(carlo.options.flatMap((option) => Object.keys(option.pass_probability)))];
  // Whole percents, as the terminal table and the app write a share of samples (50 samples are
  // 2% steps: a decimal would claim more than they tell).
  const passShare = (share: number | undefined, range: readonly [number, number] | undefined) =>
    share === undefined ? '—' : formatPassShare(share, range);
  const chosen = results.decision ?? results.recommendation ?? results.options[0]?.id;
  const bars = sensitivity.filter((bar) => bar.option === chosen && bar.rank <= TORNADO_RANKS);
  return {
    note: `${formatFigure(carlo.samples)} Monte Carlo samples of the ${carlo.parameters.length} uncertain values (${formatFigure(carlo.requests_per_sample)} requests per sample, seed ${carlo.seed}); bands are the median with the 5th and 95th percentiles.${someShareHasRange(carlo.options) ? ` ${PASS_RANGE_NOTE}` : ''}`,
    bands: {
      header: ['Option', 'p95 latency', 'Monthly cost'],
      rows: carlo.options.map((option) => [
        title(option.id),
        band(option.metrics['latency_ms.p95'], formatMs),
        band(option.metrics['monthly_usd.total'], formatUsd),
      ]),
    },
    passProbabilities: {
      header: ['Option', ...budgets.map(budgetTitle), 'every budget'],
      rows: carlo.options.map((option) => [
        title(option.id),
        ...budgets.map((name) => passShare(option.pass_probability[name], option.pass_probability_range?.[name])),
        passShare(option.pass_all_probability, option.pass_all_probability_range),
      ]),
    },
    tornado:
      bars.length === 0
        ? undefined
        : {
            header: [
              'Uncertain value (p5 to p95)',
              `What it moves, for ${title(chosen ?? '')}`,
              'At p5',
              'At p95',
              'Swing',
            ],
            rows: bars.map((bar) => {
              const format = bar.metric.startsWith('monthly_usd') ? formatUsd : formatMs;
              return [
                `${bar.parameter} (${formatFigure(bar.parameter_low)} to ${formatFigure(bar.parameter_high)})`,
                budgetTitle(bar.metric.replace(/\.total$/, '')),
                format(bar.low),
                format(bar.high),
                format(bar.swing),
              ];
            }),
          },
  };
}
