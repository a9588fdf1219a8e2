// The content of a decision report, independent of its format: the Markdown and HTML
// renderers lay out the same sections, so both say the same thing.
import type { OptionResult, ScenarioResults } from '../results';
import type { Scenario } from '../scenario/schema';
import { budgetLimits, budgetTitle, describeBudget, formatBudgetValue, verdictSummary } from './budget-format';
import { type DecisionRecord, decisionRecord } from './decision-record';
import { formatCount, formatHours, formatMs, formatShare, formatUsd, trim } from './figures';
import { findOption, stepLocation } from './option-placement';
import { ownEntry } from '../scenario/own-entry';

export interface ReportTable {
  header: string[];
  rows: string[][];
}

export interface OptionBreakdown {
  id: string;
  heading: string;
  placement: string;
  tables: { title: string; table: ReportTable }[];
  warnings: string[];
}

export interface DecisionReport {
  title: string;
  description?: string;
  /** The option whose diagrams the report shows. */
  shownOption: string;
  summary: ReportTable;
  budgets: ReportTable;
  comparison: ReportTable;
  recommendation: string;
  breakdowns: OptionBreakdown[];
  record: DecisionRecord;
}

export function decisionReport(scenario: Scenario, results: ScenarioResults, shownOption: string): DecisionReport {
  findOption(scenario, shownOption);
  return {
    title: scenario.name,
    description: scenario.description,
    shownOption,
    summary: summaryTable(scenario, results),
    budgets: budgetsTable(results),
    comparison: comparisonTable(results),
    recommendation: recommendationText(results),
    breakdowns: results.options.map((option) => breakdown(scenario, option)),
    record: decisionRecord(scenario, results),
  };
}

function summaryTable(scenario: Scenario, results: ScenarioResults): ReportTable {
  const { workload } = scenario;
  const rows = [
    ['Components', scenario.components.map((component) => `${component.id} (${component.kind})`).join(', ')],
    ['Links', scenario.links.map((link) => `${link.id} (${link.tech})`).join(', ') || 'none'],
    ['Pipeline', scenario.pipeline.map((step) => (step.model ? `${step.id} (${step.model})` : step.id)).join(' → ')],
    [
      'Workload',
      `${formatCount(workload.users)} users × ${trim(workload.per_user_rps)} requests/s, ${workload.arrivals} arrivals, ${trim(workload.hours_per_day ?? 24)} h/day`,
    ],
    ['Requests from / to', `${workload.source} → ${workload.sink ?? workload.source}`],
    ['Simulated', `${formatCount(results.requests)} requests per option, seed ${results.seed}`],
  ];
  return { header: ['', ''], rows };
}

function budgetsTable(results: ScenarioResults): ReportTable {
  const rows = budgetLimits(results).map(([name, limit]) => [budgetTitle(name), describeBudget(name, limit)]);
  return { header: ['Budget', 'Limit'], rows: rows.length > 0 ? rows : [['none set', '']] };
}

function comparisonTable(results: ScenarioResults): ReportTable {
  return {
    header: [
      'Option',
      'Pattern',
      'p50',
      'p95',
      'p99',
      'Monthly cost',
      'Success',
      'Offline success',
      'Accuracy',
      'Verdict',
    ],
    rows: results.options.map((option) => [
      option.id,
      option.pattern ?? '',
      formatMs(option.latency_ms.p50),
      formatMs(option.latency_ms.p95),
      formatMs(option.latency_ms.p99),
      formatUsd(option.monthly_usd.total),
      formatShare(option.success_rate),
      formatShare(option.offline.success_rate),
      option.accuracy === null ? '—' : formatShare(option.accuracy),
      verdictSummary(option),
    ]),
  };
}

function recommendationText(results: ScenarioResults): string {
  if (results.recommendation === null) return 'No option meets every budget: relax a budget or add an option.';
  const reason = results.recommendation_reason ? ` ${results.recommendation_reason}` : '';
  return `Recommended: ${results.recommendation}.${reason}`;
}

function breakdown(scenario: Scenario, result: OptionResult): OptionBreakdown {
  const option = findOption(scenario, result.id);
  const placement = scenario.pipeline.map((step) => `${step.id} → ${stepLocation(step, option) ?? '?'}`).join(', ');
  const { latency_ms: latency, breakdown_ms: parts, monthly_usd: cost } = result;
  const tables: OptionBreakdown['tables'] = [
    {
      title: 'Latency',
      table: {
        header: ['mean', 'p50', 'p90', 'p95', 'p99', 'max', 'compute', 'queue', 'network'],
        rows: [
          [
            latency.mean,
            latency.p50,
            latency.p90,
            latency.p95,
            latency.p99,
            latency.max,
            parts.compute,
            parts.queue,
            parts.network,
          ].map(formatMs),
        ],
      },
    },
    {
      title: 'Steps',
      table: {
        header: ['Step', 'Runs on', 'Mean'],
        rows: result.steps.map((step) => [step.id, step.at, formatMs(step.mean_ms)]),
      },
    },
    {
      title: 'Monthly cost',
      table: {
        header: ['total', 'compute', 'network', 'updates', 'telemetry'],
        rows: [[cost.total, cost.compute, cost.network, cost.updates, cost.telemetry].map(formatUsd)],
      },
    },
    {
      title: 'Links',
      table: {
        header: ['Link', 'Utilisation', 'Mean Mbit/s', 'GB/month'],
        rows: result.links.map((link) => [
          link.id,
          formatShare(link.utilization),
          trim(link.mean_mbps),
          trim(link.gb_per_month),
        ]),
      },
    },
    {
      title: 'Components',
      table: {
        header: ['Component', 'Utilisation', 'Battery'],
        rows: result.components.map((component) => [
          component.id,
          formatShare(component.utilization),
          batteryCell(ownEntry(result.battery_hours, component.id)),
        ]),
      },
    },
    {
      title: 'Budgets',
      table: {
        header: ['Budget', 'Limit', 'Value', 'Verdict'],
        rows: result.budgets.map((verdict) => [
          budgetTitle(verdict.name),
          describeBudget(verdict.name, verdict.limit),
          formatBudgetValue(verdict.name, verdict.value),
          verdict.pass ? 'pass' : 'FAIL',
        ]),
      },
    },
  ];
  const heading = result.pattern ? `${result.id} (${result.pattern})` : result.id;
  return {
    id: result.id,
    heading,
    placement,
    tables: tables.filter((entry) => entry.table.rows.length > 0),
    warnings: result.warnings,
  };
}

function batteryCell(hours: number | undefined): string {
  return hours === undefined ? '—' : formatHours(hours);
}
