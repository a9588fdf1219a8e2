// The readable form of a Monte Carlo study on a terminal: per option the spread of the key
// metrics and the chance of passing each budget, then the parameters that move each option most.
import pc from 'picocolors';
import type { MonteCarloReport, Spread, TornadoBar } from '../../simulator';
import { trim } from '../../simulator/export/figures';
import { formatPassShare, formatPercent } from '../../simulator/export/pass-share';
import type { TableStyle } from '../results-table';

const TOP_PARAMETERS = 3;

// Thousands with separators, smaller figures to three significant digits (as the reports write them).
function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '-';
  if (!Number.isFinite(value)) return '∞';
  return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : trim(value);
}

const spreadText = (spread: Spread | undefined, format = formatNumber) =>
  spread ? `${format(spread.p50)} [${format(spread.p5)}-${format(spread.p95)}]` : '-';

function renderTable(headers: string[], rows: { text: string; paint?: (text: string) => string }[][]): string[] {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column].text.length)),
  );
  const lines = [
    headers
      .map((header, column) => header.padEnd(widths[column]))
      .join('  ')
      .trimEnd(),
  ];
  lines.push(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) {
    lines.push(
      row
        .map((cell, column) => {
          // The last column is not padded, so that lines end without spaces.
          const padded = column === row.length - 1 ? cell.text : cell.text.padEnd(widths[column]);
          return cell.paint ? cell.paint(padded) : padded;
        })
        .join('  '),
    );
  }
  return lines;
}

export function renderMonteCarloTable(report: MonteCarloReport, style: TableStyle): string {
  const { monte_carlo: study } = report;
  const budgetNames = [...new Set(study.options.flatMap((option) => Object.keys(option.pass_probability)))];
  // Green when a budget is met in at least 95% of samples, red when in under half, plain between.
  const paintShare = (share: number) => (text: string) =>
    !style.colour ? text : share >= 0.95 ? pc.green(text) : share < 0.5 ? pc.red(text) : pc.yellow(text);
  const headers = ['option', 'p95 ms', 'USD/month', 'success', ...budgetNames.map((name) => `P(${name})`), 'P(all)'];
  const rows = study.options.map((option) => [
    { text: option.id },
    { text: spreadText(option.metrics['latency_ms.p95']) },
    { text: spreadText(option.metrics['monthly_usd.total']) },
    { text: spreadText(option.metrics.success_rate, formatPercent) },
    ...budgetNames.map((name) => {
      const share = option.pass_probability[name];
      if (share === undefined) return { text: '' };
      return { text: formatPassShare(share, option.pass_probability_range?.[name]), paint: paintShare(share) };
    }),
    {
      text: formatPassShare(option.pass_all_probability, option.pass_all_probability_range),
      paint: paintShare(option.pass_all_probability),
    },
  ]);
  const lines = [
    `Monte Carlo: ${study.samples.toLocaleString('en-US')} samples, seed ${study.seed}, ${study.requests_per_sample.toLocaleString('en-US')} requests each; median [5th-95th percentile] over the samples, P = share of samples meeting the budget (least-most: were the verdicts that even a sample's full run left undecided all failing, all passing).`,
    study.parameters.length === 0
      ? 'No uncertain values in the scenario: the samples differ only in their random streams.'
      : `Uncertain: ${study.parameters.map((parameter) => `${parameter.parameter} ${formatNumber(parameter.low)}..${formatNumber(parameter.high)}`).join(', ')} (5th..95th percentile).`,
    '',
    ...renderTable(headers, rows),
  ];
  // Bars of zero length say only that a parameter does not touch that option; the JSON keeps them.
  const top = report.sensitivity.filter((bar) => bar.rank <= TOP_PARAMETERS && bar.swing > 0);
  if (top.length > 0) {
    lines.push('', 'Sensitivity (tornado): each parameter from its 5th to its 95th percentile, the others nominal.');
    lines.push(
      ...renderTable(
        ['option', 'metric', 'parameter', 'parameter low..high', 'metric low..high', 'swing'],
        top.map((bar: TornadoBar) => [
          { text: bar.option },
          { text: bar.metric },
          { text: bar.parameter },
          { text: `${formatNumber(bar.parameter_low)}..${formatNumber(bar.parameter_high)}` },
          { text: `${formatNumber(bar.low)}..${formatNumber(bar.high)}` },
          { text: formatNumber(bar.swing) },
        ]),
      ),
    );
  }
  return lines.join('\n');
}
