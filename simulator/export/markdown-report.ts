// The decision report as Markdown: readable as plain text, rendered with its Mermaid
// diagrams by GitHub, GitLab and most documentation sites. The same sections in the same order
// as the HTML report (decision-report.ts), less the charts.
import type { ScenarioResults } from '../results';
import type { Scenario } from '../scenario/schema';
import { architectureMermaid } from './architecture-mermaid';
import { decisionRecordMarkdown } from './decision-record-markdown';
import { decisionReport, type ReportContext } from './decision-report';
import { defaultExportOption } from './default-option';
import { inline, markdownTable as table } from './markdown-text';
import { sequenceMermaid } from './sequence-mermaid';

export function markdownReport(
  scenario: Scenario,
  results: ScenarioResults,
  context: ReportContext,
  optionId?: string,
): string {
  const shown = optionId ?? defaultExportOption(scenario, results);
  const report = decisionReport(scenario, results, shown, context);
  const out: string[] = [`# ${inline(report.title)}`, '', `_${inline(report.provenance.line)}_`, ''];
  if (report.description) out.push(inline(report.description), '');
  out.push(`## ${report.answerHeading}`, '', `**${inline(report.answer)}**`, '', table(report.verdicts), '');
  out.push('## Options compared', '', table(report.comparison), '');
  for (const [heading, source] of [
    [`Architecture: ${report.shownTitle}`, architectureMermaid(scenario, results, shown)],
    [`A typical request: ${report.shownTitle}`, sequenceMermaid(scenario, results, shown)],
  ]) {
    out.push(`## ${inline(heading)}`, '', '```mermaid', source.trimEnd(), '```', '');
  }
  out.push('## Assumptions', '', inline(report.assumptionsNote), '', table(report.assumptions), '');
  const { uncertainty } = report;
  out.push('## Uncertainty', '', inline(uncertainty.note), '');
  for (const part of [uncertainty.bands, uncertainty.passProbabilities, uncertainty.tornado])
    if (part) out.push(table(part), '');
  out.push(...decisionRecordMarkdown(report.record, 2, report.provenance.line));
  out.push('## Appendix: every option in detail', '', table(report.summary, false), '');
  for (const option of report.breakdowns) {
    out.push(`### ${inline(option.heading)}`, '', `Placement: ${inline(option.placement)}`, '');
    for (const { title, table: figures } of option.tables) out.push(`**${title}**`, '', table(figures), '');
    for (const warning of option.warnings) out.push(`> Warning: ${inline(warning)}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
