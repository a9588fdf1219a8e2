// The decision report as Markdown: readable as plain text, rendered with its Mermaid
// diagrams by GitHub, GitLab and most documentation sites.
import type { ScenarioResults } from '../results';
import type { Scenario } from '../scenario/schema';
import { architectureMermaid } from './architecture-mermaid';
import type { DecisionRecord } from './decision-record';
import { decisionReport, type ReportTable } from './decision-report';
import { defaultExportOption } from './default-option';
import { sequenceMermaid } from './sequence-mermaid';

export function markdownReport(scenario: Scenario, results: ScenarioResults, optionId?: string): string {
  const shown = optionId ?? defaultExportOption(scenario, results);
  const report = decisionReport(scenario, results, shown);
  const out: string[] = [`# ${inline(report.title)}`, ''];
  if (report.description) out.push(inline(report.description), '');
  out.push('## Scenario', '', table(report.summary, false), '', '## Budgets', '', table(report.budgets), '');
  out.push('## Options compared', '', table(report.comparison), '', `**${inline(report.recommendation)}**`, '');
  out.push(
    `## Architecture: ${inline(shown)}`,
    '',
    '```mermaid',
    architectureMermaid(scenario, results, shown).trimEnd(),
    '```',
    '',
  );
  out.push(
    `## A typical request: ${inline(shown)}`,
    '',
    '```mermaid',
    sequenceMermaid(scenario, results, shown).trimEnd(),
    '```',
    '',
  );
  out.push('## Per-option breakdown', '');
  for (const option of report.breakdowns) {
    out.push(`### ${inline(option.heading)}`, '', `Placement: ${inline(option.placement)}`, '');
    for (const { title, table: figures } of option.tables) out.push(`**${title}**`, '', table(figures), '');
    for (const warning of option.warnings) out.push(`> Warning: ${inline(warning)}`, '');
  }
  out.push(...decisionRecord(report.record));
  return `${out.join('\n').trimEnd()}\n`;
}

function decisionRecord(record: DecisionRecord): string[] {
  const list = (items: string[], prefix = '') =>
    items.length === 0 ? ['* none'] : items.map((item) => `* ${prefix}${inline(item)}`);
  return [
    `## Decision record: ${inline(record.title)}`,
    '',
    `* Status: ${record.status}`,
    '',
    '### Context and problem statement',
    '',
    inline(record.context),
    '',
    '### Decision drivers',
    '',
    ...list(record.drivers),
    '',
    '### Considered options',
    '',
    ...list(record.considered),
    '',
    '### Decision outcome',
    '',
    inline(record.outcome),
    '',
    '#### Consequences',
    '',
    ...list(record.good, 'Good, because '),
    ...list(record.bad, 'Bad, because '),
    '',
  ];
}

function table({ header, rows }: ReportTable, withHeader = true): string {
  // A key-value table has no meaningful header; Markdown still needs one row of it.
  const head = withHeader ? header : header.map(() => ' ');
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n');
}

function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}

// Scenario text is the user's: keep it from opening HTML or breaking out of its line.
function inline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/</g, '&lt;');
}
