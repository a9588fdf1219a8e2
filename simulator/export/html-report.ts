// The decision report as one self-contained HTML file: diagrams and charts inline as SVG,
// styles inline, no script, and a Content-Security-Policy that forbids fetching anything, so
// the file opens offline, attaches to an email, and prints.
import type { ScenarioResults } from '../results';
import type { Scenario } from '../scenario/schema';
import { architectureMermaid } from './architecture-mermaid';
import type { DecisionRecord } from './decision-record';
import { decisionReport, type ReportContext, type ReportTable } from './decision-report';
import { sequenceMermaid } from './sequence-mermaid';

/** What the host renders in a browser and the report embeds: SVG markup, trusted as is. */
export interface ReportFigures {
  architectureSvg: string;
  sequenceSvg: string;
  /** Static chart markup (a figure with an SVG), in display order. */
  charts: string[];
}

const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
  body { font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1f2328; max-width: 1180px; margin: 24px auto; padding: 0 24px; }
  h1 { font-size: 26px; margin-bottom: 4px; } h2 { font-size: 20px; margin-top: 32px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
  h3 { font-size: 16px; margin-top: 24px; } h4 { font-size: 14px; margin: 12px 0 4px; }
  table { border-collapse: collapse; margin: 8px 0 16px; font-variant-numeric: tabular-nums; }
  th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
  th { background: #f6f8fa; }
  td.fail { color: #b42318; font-weight: 600; } td.pass { color: #1a7f37; font-weight: 600; }
  .provenance { color: #59636e; font-size: 12px; margin-top: 0; }
  .recommendation { font-weight: 600; padding: 8px 12px; background: #f0f7ff; border-left: 4px solid #0969da; }
  .diagram { overflow-x: auto; border: 1px solid #d0d7de; border-radius: 6px; padding: 12px; margin: 8px 0 16px; background: #fff; }
  .diagram svg { max-width: 100%; height: auto; }
  .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(540px, 1fr)); gap: 16px; }
  .warning { color: #9a6700; }
  details pre { background: #f6f8fa; padding: 8px; overflow-x: auto; font-size: 12px; }
  @media print {
    body { max-width: none; margin: 0; font-size: 11px; }
    .diagram, figure, table { break-inside: avoid; }
    details { display: none; }
    h2 { break-after: avoid; }
  }
`;

export function htmlReport(
  scenario: Scenario,
  results: ScenarioResults,
  optionId: string,
  figures: ReportFigures,
  context: ReportContext,
): string {
  const report = decisionReport(scenario, results, optionId, context);
  const body: string[] = [
    `<h1>${escapeHtml(report.title)}</h1>`,
    `<p class="provenance">${escapeHtml(report.provenance.line)}</p>`,
  ];
  if (report.description) body.push(`<p>${escapeHtml(report.description)}</p>`);
  body.push(
    `<h2 id="answer">${report.answerHeading}</h2>`,
    `<p class="recommendation">${escapeHtml(report.answer)}</p>`,
    table(report.verdicts),
    '<h2 id="options">Options compared</h2>',
    table(report.comparison),
  );
  body.push(
    `<h2 id="architecture">Architecture: ${escapeHtml(report.shownTitle)}</h2>`,
    `<div class="diagram" data-testid="diagram">${figures.architectureSvg}</div>`,
    mermaidSource(architectureMermaid(scenario, results, optionId)),
    `<h2 id="sequence">A typical request: ${escapeHtml(report.shownTitle)}</h2>`,
    `<div class="diagram">${figures.sequenceSvg}</div>`,
    mermaidSource(sequenceMermaid(scenario, results, optionId)),
  );
  body.push(
    '<h2 id="assumptions">Assumptions</h2>',
    `<p>${escapeHtml(report.assumptionsNote)}</p>`,
    table(report.assumptions),
  );
  const { uncertainty } = report;
  body.push('<h2 id="uncertainty">Uncertainty</h2>', `<p>${escapeHtml(uncertainty.note)}</p>`);
  for (const part of [uncertainty.bands, uncertainty.passProbabilities, uncertainty.tornado])
    if (part) body.push(table(part));
  body.push('<h2 id="charts">Charts</h2>', `<div class="charts">${figures.charts.join('\n')}</div>`);
  body.push(decisionRecord(report.record, report.provenance.line));
  body.push('<h2 id="appendix">Appendix: every option in detail</h2>', table(report.summary, false));
  for (const option of report.breakdowns) {
    body.push(`<h3>${escapeHtml(option.heading)}</h3>`, `<p>Placement: ${escapeHtml(option.placement)}</p>`);
    for (const { title, table: figuresTable } of option.tables)
      body.push(`<h4>${escapeHtml(title)}</h4>`, table(figuresTable));
    for (const warning of option.warnings) body.push(`<p class="warning">Warning: ${escapeHtml(warning)}</p>`);
  }
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="Placewise ${escapeHtml(report.provenance.version)}">`,
    `<meta name="date" content="${escapeHtml(report.provenance.date)}">`,
    `<meta name="placewise-scenario-sha256" content="${escapeHtml(report.provenance.sha256)}">`,
    `<title>${escapeHtml(report.title)}: decision report</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// MADR 4's sections, as in decision-record-markdown.ts.
function decisionRecord(record: DecisionRecord, provenance: string): string {
  const list = (items: string[]) =>
    `<ul>${(items.length === 0 ? ['none'] : items).map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  const prosAndCons = (good: string[], bad: string[]) =>
    list([...good.map((item) => `Good, because ${item}`), ...bad.map((item) => `Bad, because ${item}`)]);
  const metadata = [`Status: ${record.status}`, `Date: ${record.date}`];
  if (record.deciders.length > 0) metadata.push(`Deciders: ${record.deciders.join(', ')}`);
  return [
    `<h2 id="decision-record">Decision record: ${escapeHtml(record.title)}</h2>`,
    `<ul class="record-metadata">${metadata.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`,
    '<h3>Context and Problem Statement</h3>',
    `<p>${escapeHtml(record.context)}</p>`,
    '<h3>Decision Drivers</h3>',
    list(record.drivers),
    '<h3>Considered Options</h3>',
    list(record.considered),
    '<h3>Decision Outcome</h3>',
    `<p>${escapeHtml(record.outcome)}</p>`,
    '<h4>Consequences</h4>',
    prosAndCons(record.good, record.bad),
    '<h4>Confirmation</h4>',
    `<p>${escapeHtml(record.confirmation)}</p>`,
    '<h3>Pros and Cons of the Options</h3>',
    ...record.options.flatMap((option) => [
      `<h4>${escapeHtml(option.title)}</h4>`,
      `<p>${escapeHtml(option.description)}</p>`,
      prosAndCons(option.good, option.bad),
    ]),
    '<h3>More Information</h3>',
    `<p>${escapeHtml(provenance)}</p>`,
  ].join('\n');
}

function mermaidSource(source: string): string {
  return `<details><summary>Mermaid source</summary><pre>${escapeHtml(source)}</pre></details>`;
}

function table({ header, rows }: ReportTable, withHeader = true): string {
  const head = withHeader
    ? `<thead><tr>${header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead>`
    : '';
  const cell = (text: string) => {
    // Verdict cells get a colour as well as their word, so a printed page still reads in grey.
    const verdict =
      text === 'pass' ? ' class="pass"' : text === 'FAIL' || text.startsWith('fails:') ? ' class="fail"' : '';
    return `<td${verdict}>${escapeHtml(text)}</td>`;
  };
  return `<table>${head}<tbody>${rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('')}</tbody></table>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
