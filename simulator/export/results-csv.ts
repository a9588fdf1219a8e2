// The results as one flat CSV table (RFC 4180): one row per option with every figure and every
// budget verdict, and, when asked, one row per Monte Carlo sample and option. One header, the
// same columns in every row (empty where a row has no such figure), so pandas' read_csv and
// duckdb's read_csv load it with no reshaping. Column names are the results JSON's paths.
import type { OptionResult, ScenarioResults } from '../results';
import type { ResultsProvenance } from '../results-json';
import type { MonteCarloPlan } from '../uncertainty/monte-carlo-plan';
import type { OptionOutcome } from '../uncertainty/sample-metrics';

/** One Monte Carlo sample: the drawn uncertain values and the options' outcomes with them. */
export interface CsvSample {
  values: Record<string, number>;
  options: readonly OptionOutcome[];
}

export interface ResultsCsvInput {
  results: ScenarioResults;
  provenance: ResultsProvenance;
  /** Uncertain parameters by name with their nominal value (the option rows' value). */
  uncertain?: Record<string, number>;
  samples?: readonly CsvSample[];
}

type Cell = string | number | boolean | null | undefined;
type Row = Map<string, Cell>;

export function resultsCsv({ results, provenance, uncertain = {}, samples = [] }: ResultsCsvInput): string {
  const rows: Row[] = results.options.map((option) => optionRow(option, uncertain));
  samples.forEach((sample, index) => {
    for (const outcome of sample.options) rows.push(sampleRow(outcome, index, sample.values));
  });
  const shared: [string, Cell][] = [
    ['scenario', results.scenario],
    ['scenario_sha256', provenance.scenario_sha256],
    ['seed', results.seed],
  ];
  for (const row of rows) for (const [name, value] of shared) row.set(name, value);
  const columns = columnOrder(
    rows,
    shared.map(([name]) => name),
  );
  const lines = [columns, ...rows.map((row) => columns.map((column) => row.get(column)))];
  return `${lines.map((line) => line.map(csvField).join(',')).join('\n')}\n`;
}

function optionRow(option: OptionResult, uncertain: Record<string, number>): Row {
  const row: Row = new Map<string, Cell>([
    ['row', 'option'],
    ['sample', null],
    ['option', option.id],
    ['label', option.label],
    ['pattern', option.pattern],
  ]);
  const { latency_ms: latency } = option;
  for (const key of ['mean', 'p50', 'p90', 'p95', 'p99', 'max'] as const) row.set(`latency_ms.${key}`, latency[key]);
  for (const [key, value] of Object.entries(option.breakdown_ms)) row.set(`breakdown_ms.${key}`, value);
  for (const [key, value] of Object.entries(option.monthly_usd)) row.set(`monthly_usd.${key}`, value);
  row.set('success_rate', option.success_rate);
  row.set('accuracy', option.accuracy);
  row.set('offline.requests', option.offline.requests);
  row.set('offline.success_rate', option.offline.success_rate);
  row.set('offline.fallback_rate', option.offline.fallback_rate);
  row.set('completed', option.completed);
  row.set('failed', option.failed);
  for (const [component, hours] of Object.entries(option.battery_hours)) row.set(`battery_hours.${component}`, hours);
  for (const component of option.components) row.set(`components.${component.id}.utilization`, component.utilization);
  for (const link of option.links) {
    row.set(`links.${link.id}.utilization`, link.utilization);
    row.set(`links.${link.id}.mean_mbps`, link.mean_mbps);
    row.set(`links.${link.id}.gb_per_month`, link.gb_per_month);
  }
  for (const step of option.steps) {
    row.set(`steps.${step.id}.at`, step.at);
    row.set(`steps.${step.id}.mean_ms`, step.mean_ms);
  }
  for (const verdict of option.budgets) {
    row.set(`budgets.${verdict.name}.limit`, verdict.limit);
    row.set(`budgets.${verdict.name}.value`, verdict.value);
    row.set(`budgets.${verdict.name}.pass`, verdict.pass);
  }
  row.set('pass', option.pass);
  for (const [name, value] of Object.entries(uncertain)) row.set(`uncertain.${name}`, value);
  return row;
}

// A sample carries what Monte Carlo follows (sample-metrics.ts), under the same column names.
function sampleRow(outcome: OptionOutcome, index: number, values: Record<string, number>): Row {
  const row: Row = new Map<string, Cell>([
    ['row', 'sample'],
    ['sample', index],
    ['option', outcome.id],
  ]);
  for (const [name, value] of Object.entries(outcome.metrics)) row.set(name, value);
  for (const [name, pass] of Object.entries(outcome.budgets)) row.set(`budgets.${name}.pass`, pass);
  row.set('pass', outcome.pass);
  for (const [name, value] of Object.entries(values)) row.set(`uncertain.${name}`, value);
  return row;
}

// Columns grouped as in the results JSON (each group in first-seen order over the rows), so that
// a component or link that only a later option uses still sits beside its kind.
const COLUMN_GROUPS = ['battery_hours.', 'components.', 'links.', 'steps.', 'budgets.', 'pass', 'uncertain.'];

function columnOrder(rows: readonly Row[], shared: readonly string[]): string[] {
  const seen = new Set<string>(['row', 'sample', 'option', ...shared]);
  for (const row of rows) for (const name of row.keys()) seen.add(name);
  const group = (name: string) => COLUMN_GROUPS.findIndex((prefix) => name === prefix || name.startsWith(prefix));
  return [...seen].sort((a, b) => group(a) - group(b));
}

function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The samples of a Monte Carlo run (`outcomes[i]` of `plan.tasks[i]`), the tornado's evaluations left out. */
export function csvSamples(plan: MonteCarloPlan, outcomes: readonly (readonly OptionOutcome[])[]): CsvSample[] {
  const names = plan.uncertain.parameters.map((parameter) => parameter.name);
  return outcomes.slice(0, plan.settings.samples).map((options, index) => ({
    values: Object.fromEntries(names.map((name, position) => [name, plan.tasks[index].values[position]])),
    options,
  }));
}
