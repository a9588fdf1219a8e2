// The content of a decision report, independent of its format: the Markdown and HTML
// renderers lay out the same sections in the same order, so both say the same thing. The
// report leads with the answer (the decision, its verdict against each budget, the options
// side by side), then shows the architecture, what the numbers assume and how sure they are,
// and ends with the decision record and the figures in detail.
import type { OptionResult, ScenarioResults } from '../results';
import type { ResultsProvenance } from '../results-json';
import type { Scenario } from '../scenario/schema';
import type { MonteCarloReport } from '../uncertainty/monte-carlo-plan';
import { type Assumption, NO_SOURCE, scenarioAssumptions } from './assumptions';
import { budgetLimits, budgetTitle, describeBudget, formatBudgetValue, verdictSummary } from './budget-format';
import { type DecisionRecord, decisionRecord } from './decision-record';
import { formatCount, formatFigure, formatHours, formatMs, formatShare, formatUsd, trim } from './figures';
import { findOption, stepLocation } from './option-placement';
import { optionTitle } from './option-title';
import { ownEntry } from '../scenario/own-entry';
import { type UncertaintySection, uncertaintySection } from './uncertainty-section';

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

/** What a report knows beyond the scenario and its results: where they came from. */
export interface ReportContext {
  /** The scenario file's text: the assumptions' sources are its comments. */
  scenarioText: string;
  /** How the report names the file, in the `placewise check` command that confirms the decision. */
  scenarioFile: string;
  provenance: ResultsProvenance;
  /** How many uncertain values the scenario has (ranges, uncertain distributions). */
  uncertainValues: number;
  /** A Monte Carlo study of them, where there was one. */
  monteCarlo?: MonteCarloReport;
  deciders?: string[];
}

export interface ReportProvenance {
  date: string;
  version: string;
  sha256: string;
  /** One line: `2026-11-29 · Placewise 0.1.0 · scenario SHA-256 ab12… · seed 7, 20,000 requests per option`. */
  line: string;
}

export interface DecisionReport {
  title: string;
  description?: string;
  provenance: ReportProvenance;
  /** `Decision` when the scenario records one, else `Recommendation`. */
  answerHeading: string;
  answer: string;
  /** The option the answer names (the decision, else the recommendation), if any. */
  answerOption: string | null;
  /** The answer's verdict against each budget. */
  verdicts: ReportTable;
  /** The options side by side, by label. */
  comparison: ReportTable;
  /** The option whose diagrams the report shows, and its title. */
  shownOption: string;
  shownTitle: string;
  assumptions: ReportTable;
  /** How many figures there are, and how many have no source. */
  assumptionsNote: string;
  uncertainty: UncertaintySection;
  summary: ReportTable;
  breakdowns: OptionBreakdown[];
  record: DecisionRecord;
}

export function decisionReport(
  scenario: Scenario,
  results: ScenarioResults,
  shownOption: string,
  context: ReportContext,
): DecisionReport {
  findOption(scenario, shownOption);
  const answerOption = scenario.decision ?? results.recommendation;
  const answered = results.options.find((option) => option.id === answerOption);
  const shown = results.options.find((option) => option.id === shownOption);
  const date = context.provenance.generated_at.slice(0, 10);
  const assumptions = scenarioAssumptions(context.scenarioText);
  const { placewise_version: version, scenario_sha256: sha256 } = context.provenance;
  return {
    title: scenario.name,
    description: scenario.description,
    provenance: {
      date,
      version,
      sha256,
      line: `${date} · Placewise ${version} · scenario SHA-256 ${sha256} · seed ${results.seed}, ${formatCount(results.requests)} requests per option`,
    },
    answerHeading: scenario.decision ? 'Decision' : 'Recommendation',
    answer: answerText(scenario, results, answered),
    answerOption: answered?.id ?? null,
    verdicts: verdictsTable(answered ?? shown),
    comparison: comparisonTable(results),
    shownOption,
    shownTitle: shown ? optionTitle(shown) : shownOption,
    assumptions: assumptionsTable(assumptions),
    assumptionsNote: `${assumptions.length} figures of the scenario, each with the source its author noted beside it in the file; ${assumptions.filter((assumption) => assumption.source === NO_SOURCE).length} have none.`,
    uncertainty: uncertaintySection(results, context.monteCarlo, context.uncertainValues),
    summary: summaryTable(scenario, results),
    breakdowns: results.options.map((option) => breakdown(scenario, option)),
    record: decisionRecord(scenario, results, { date, scenarioFile: context.scenarioFile, deciders: context.deciders }),
  };
}

function answerText(scenario: Scenario, results: ScenarioResults, answered: OptionResult | undefined): string {
  if (!answered) return 'No option meets every budget: relax a budget or add an option.';
  const broken = answered.budgets.filter((verdict) => !verdict.pass).map((verdict) => budgetTitle(verdict.name));
  const verdict = broken.length === 0 ? 'It meets every budget.' : `It breaks ${broken.join(', ')}.`;
  const name = `${optionTitle(answered)} (${answered.id})`;
  if (!scenario.decision) {
    const reason = results.recommendation_reason ? ` ${results.recommendation_reason}` : '';
    return `Recommended: ${name}. ${verdict}${reason}`;
  }
  const recommended = results.options.find((option) => option.id === results.recommendation);
  const other =
    recommended && recommended.id !== answered.id
      ? ` The simulation recommends ${optionTitle(recommended)} (${recommended.id}) instead${recommended.pass ? ', which meets every budget' : ''}.`
      : '';
  return `Decided: ${name}. ${verdict}${other}`;
}

function verdictsTable(option: OptionResult | undefined): ReportTable {
  const rows = (option?.budgets ?? []).map((verdict) => [
    budgetTitle(verdict.name),
    describeBudget(verdict.name, verdict.limit),
    formatBudgetValue(verdict.name, verdict.value),
    verdict.pass ? 'pass' : 'FAIL',
  ]);
  return { header: ['Budget', 'Limit', 'Value', 'Verdict'], rows: rows.length > 0 ? rows : [['none set', '', '', '']] };
}

function comparisonTable(results: ScenarioResults): ReportTable {
  return {
    header: ['Option', 'p95', 'Monthly cost', 'Success', 'Offline success', 'Verdict'],
    rows: results.options.map((option) => [
      optionTitle(option),
      formatMs(option.latency_ms.p95),
      formatUsd(option.monthly_usd.total),
      formatShare(option.success_rate),
      formatShare(option.offline.success_rate),
      verdictSummary(option),
    ]),
  };
}

function assumptionsTable(assumptions: Assumption[]): ReportTable {
  return {
    header: ['Figure', 'Value', 'Source'],
    rows: assumptions.map((assumption) => [assumption.figure, assumption.value, assumption.source]),
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
    [
      'Budgets',
      budgetLimits(results)
        .map(([name, limit]) => `${budgetTitle(name)} ${describeBudget(name, limit)}`)
        .join('; ') || 'none set',
    ],
    ['Simulated', `${formatCount(results.requests)} requests per option, seed ${results.seed}`],
  ];
  return { header: ['', ''], rows };
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
          formatFigure(link.gb_per_month),
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
  ];
  return {
    id: result.id,
    heading: `${optionTitle(result)} (${result.id}${result.pattern ? `, ${result.pattern}` : ''})`,
    placement,
    tables: tables.filter((entry) => entry.table.rows.length > 0),
    warnings: result.warnings,
  };
}

function batteryCell(hours: number | undefined): string {
  return hours === undefined ? '—' : formatHours(hours);
}
