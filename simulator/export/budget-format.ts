// Budget names and values as a reader wants them: `latency_ms.p95` reads "latency p95",
// 0.8 of link utilisation reads "80%".
import type { OptionResult, ScenarioResults } from '../results';
import { formatGbPerMonth, formatHours, formatMs, formatShare, formatUsd } from './figures';

const BUDGET_TITLES: Record<string, string> = {
  latency_ms: 'latency',
  monthly_usd: 'monthly cost',
  link_utilization: 'link utilisation',
  battery_hours: 'battery life',
  offline_success: 'success during outages',
  success_rate: 'success rate',
  accuracy: 'accuracy',
  personal_gb_per_month: 'personal data leaving the devices',
};

// A fit verdict (`fit.glasses.ram_mb`) reads as what must fit where: "models on glasses, RAM".
const FIT_LIMITS: Record<string, { title: string; unit: string }> = {
  ram_mb: { title: 'RAM', unit: 'MB' },
  storage_gb: { title: 'storage', unit: 'GB' },
};

function fitLimit(name: string): { component: string; title: string; unit: string } | undefined {
  const match = /^fit\.(.+)\.(ram_mb|storage_gb)$/.exec(name);
  return match ? { component: match[1], ...FIT_LIMITS[match[2]] } : undefined;
}

export function budgetTitle(name: string): string {
  const fit = fitLimit(name);
  if (fit) return `models on ${fit.component}, ${fit.title}`;
  const dot = name.indexOf('.');
  const kind = dot < 0 ? name : name.slice(0, dot);
  const title = BUDGET_TITLES[kind] ?? kind;
  return dot < 0 ? title : `${title} ${name.slice(dot + 1)}`;
}

export function formatBudgetValue(name: string, value: number | null): string {
  if (value === null) return 'n/a';
  if (name.startsWith('latency_ms')) return formatMs(value);
  if (name.startsWith('monthly_usd')) return formatUsd(value);
  if (name.startsWith('battery_hours')) return formatHours(value);
  if (name === 'personal_gb_per_month') return formatGbPerMonth(value);
  const fit = fitLimit(name);
  // Sizes keep four digits: 2,048 MB of RAM is not 2,050.
  if (fit) return `${Number(value.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 4 })} ${fit.unit}`;
  return formatShare(value);
}

/** How a budget binds: a floor for battery and success, a ceiling for everything else. */
export function budgetComparator(name: string): 'at least' | 'at most' {
  return /^(battery_hours|offline_success|success_rate|accuracy)/.test(name) ? 'at least' : 'at most';
}

/** Every budget the verdicts name (per-component ones included), with its limit, in first-seen order. */
export function budgetLimits(results: ScenarioResults): [name: string, limit: number][] {
  const limits = new Map<string, number>();
  for (const verdict of results.options.flatMap((option) => option.budgets)) {
    if (!limits.has(verdict.name)) limits.set(verdict.name, verdict.limit);
  }
  return [...limits];
}

export function describeBudget(name: string, limit: number): string {
  return `${budgetComparator(name)} ${formatBudgetValue(name, limit)}`;
}

/** `pass`, or the budgets an option breaks. */
export function verdictSummary(option: OptionResult): string {
  const failed = option.budgets.filter((verdict) => !verdict.pass).map((verdict) => budgetTitle(verdict.name));
  return failed.length === 0 ? 'pass' : `fails: ${failed.join(', ')}`;
}
