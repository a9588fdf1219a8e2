// The Compare table's columns: each budget once, headed as the budget reads ("p95 ≤ 1,500 ms",
// "Battery, glasses ≥ 1.5 h"), and the headline figures (p50, p95, monthly cost) only where no
// budget already shows them. Pure, so it is tested without a browser.
import { budgetComparator, budgetLimits, budgetTitle, formatBudgetValue } from '../../simulator/export/budget-format';
import { formatGbPerMonth, formatHours, formatShare, formatUsd, trim } from '../../simulator/export/figures';
import type { OptionResult, ScenarioResults } from '../../simulator/results';
import { formatFigure } from '../components/format';

export interface CompareColumn {
  /** The budget's name (`latency_ms.p95`), or the figure's for a column without a budget. */
  id: string;
  heading: string;
  /** Set when the column is a budget: its verdicts colour the cells. */
  budget?: { name: string; limit: number };
  value(option: OptionResult): number | null;
  format(value: number): string;
  /** Which way is better, for the change since the last edit. */
  better: 'lower' | 'higher';
  /** A latency figure: meaningless on a saturated option. */
  latency: boolean;
}

const formatMs = (ms: number) => (Number.isFinite(ms) ? `${formatFigure(ms)} ms` : '∞');

const LATENCY_NAMES: Record<string, string> = { mean: 'Mean', p50: 'p50', p90: 'p90', p95: 'p95', p99: 'p99' };

function formatLimit(name: string, limit: number): string {
  if (name.startsWith('fit.')) return formatBudgetValue(name, limit);
  if (name.startsWith('latency_ms')) return `${limit.toLocaleString('en-US')} ms`;
  if (name === 'monthly_usd') return `$${limit.toLocaleString('en-US')}`;
  if (name.startsWith('battery_hours')) return `${trim(limit)} h`;
  if (name === 'personal_gb_per_month') return formatGbPerMonth(limit);
  return `${trim(limit * 100)}%`;
}

/** A budget as it reads in a heading: the figure, its comparison and its limit. */
export function budgetHeading(name: string, limit: number): string {
  const dot = name.indexOf('.');
  const kind = dot < 0 ? name : name.slice(0, dot);
  const subject = dot < 0 ? '' : name.slice(dot + 1);
  const sign = budgetComparator(name) === 'at least' ? '≥' : '≤';
  const figure =
    kind === 'latency_ms'
      ? (LATENCY_NAMES[subject] ?? subject)
      : kind === 'monthly_usd'
        ? 'Monthly cost'
        : kind === 'battery_hours'
          ? `Battery, ${subject}`
          : kind === 'link_utilization'
            ? `Utilisation, ${subject}`
            : kind === 'offline_success'
              ? 'Offline success'
              : kind === 'success_rate'
                ? 'Success'
                : kind === 'accuracy'
                  ? 'Accuracy'
                  : kind === 'fit'
                    ? budgetTitle(name).replace(/^m/, 'M')
                    : kind === 'personal_gb_per_month'
                      ? 'Personal data out'
                      : name;
  return `${figure} ${sign} ${formatLimit(name, limit)}`;
}

function budgetFormat(name: string): (value: number) => string {
  if (name.startsWith('latency_ms')) return formatMs;
  if (name === 'monthly_usd') return formatUsd;
  if (name.startsWith('battery_hours')) return formatHours;
  if (name.startsWith('fit.')) return (value) => formatBudgetValue(name, value);
  if (name === 'personal_gb_per_month') return formatGbPerMonth;
  return formatShare;
}

const LATENCY_ORDER = ['latency_ms.p50', 'latency_ms.p95', 'latency_ms.mean', 'latency_ms.p90', 'latency_ms.p99'];

export function compareColumns(results: ScenarioResults): CompareColumn[] {
  const limits = new Map(budgetLimits(results));
  const budgetColumn = (name: string, limit: number): CompareColumn => ({
    id: name,
    heading: budgetHeading(name, limit),
    budget: { name, limit },
    value: (option) => option.budgets.find((verdict) => verdict.name === name)?.value ?? null,
    format: budgetFormat(name),
    better: budgetComparator(name) === 'at least' ? 'higher' : 'lower',
    latency: name.startsWith('latency_ms'),
  });
  const columns: CompareColumn[] = [];
  // The latency figures in a fixed order: p50 and p95 always (as a budget if there is one),
  // then any other latency budget.
  for (const name of LATENCY_ORDER) {
    const limit = limits.get(name);
    if (limit !== undefined) columns.push(budgetColumn(name, limit));
    else if (name === 'latency_ms.p50' || name === 'latency_ms.p95') {
      const statistic = name.slice('latency_ms.'.length) as 'p50' | 'p95';
      columns.push({
        id: name,
        heading: statistic,
        value: (option) => option.latency_ms[statistic],
        format: formatMs,
        better: 'lower',
        latency: true,
      });
    }
  }
  const cost = limits.get('monthly_usd');
  columns.push(
    cost !== undefined
      ? budgetColumn('monthly_usd', cost)
      : {
          id: 'monthly_usd',
          heading: 'Monthly cost',
          value: (option) => option.monthly_usd.total,
          format: formatUsd,
          better: 'lower',
          latency: false,
        },
  );
  for (const [name, limit] of limits) {
    if (!name.startsWith('latency_ms') && name !== 'monthly_usd') columns.push(budgetColumn(name, limit));
  }
  return columns;
}
