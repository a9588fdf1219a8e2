// One export, whatever asks for it: the CLI's `placewise export` and the app's host API both
// call exportScenario and write (or offer to save) the bytes it returns.

import { architectureMermaid } from '../../../simulator/export/architecture-mermaid';
import { defaultExportOption } from '../../../simulator/export/default-option';
import { htmlReport } from '../../../simulator/export/html-report';
import { markdownReport } from '../../../simulator/export/markdown-report';
import { findOption } from '../../../simulator/export/option-placement';
import { sequenceMermaid } from '../../../simulator/export/sequence-mermaid';
import { decisionRecordFile } from '../../../simulator/export/decision-record-file';
import type { ReportContext } from '../../../simulator/export/decision-report';
import { type CsvSample, resultsCsv } from '../../../simulator/export/results-csv';
import type { ScenarioResults } from '../../../simulator/results';
import type { MonteCarloReport } from '../../../simulator/uncertainty/monte-carlo-plan';
import { resultsProvenance } from '../provenance';
import type { Scenario } from '../../../simulator/scenario/schema';
import { REPORT_CHART_NAMES } from './chart-page/report-charts';
import { EXPORT_MIME, type ExportFormat, ExportInputError } from './export-formats';
import { ExportRenderer } from './export-renderer';

export type DiagramKind = 'architecture' | 'sequence';

export interface ExportRequest {
  scenario: Scenario;
  /** The option's simulated figures; the reports need them, the diagrams show them when given. */
  results: ScenarioResults | null;
  format: ExportFormat;
  /** Default: the scenario's decision, else the recommendation. */
  optionId?: string;
  /** Which diagram mmd, svg and png hold; default the architecture. */
  diagram?: DiagramKind;
  /** The scenario file's text as read (reports and CSV need it): they carry its SHA-256, the assumptions come from its comments. */
  scenarioText?: string;
  /** How reports name the file, in the `placewise check` command of the decision record (default `scenario.yaml`). */
  scenarioFile?: string;
  /** How many of the scenario's numbers are uncertain (ranges, uncertain distributions). */
  uncertainValues?: number;
  /** A Monte Carlo study of them: the reports' uncertainty section. */
  monteCarlo?: MonteCarloReport;
  /** Its samples: CSV rows of their own. */
  samples?: CsvSample[];
  /** The decision record's deciders. */
  deciders?: string[];
  /** The decision record's number in its folder (adr); default 1. */
  recordNumber?: number;
}

export interface ExportedFile {
  bytes: Uint8Array;
  mime: string;
  /** A suggested file name, for save dialogs. */
  fileName: string;
  /** The option shown. */
  optionId: string;
}

const CHART_WIDTH = 560;
const CHART_HEIGHT = 320;

/**
 * Produces one export. `renderer` is the browser for svg, png and html: pass one to share it
 * across exports (and close it yourself); without one, a browser is started and closed here.
 */
export async function exportScenario(request: ExportRequest, renderer?: ExportRenderer): Promise<ExportedFile> {
  const { scenario, results, format } = request;
  const optionId = request.optionId ?? defaultExportOption(scenario, results);
  findOption(scenario, optionId);
  const diagram = request.diagram ?? 'architecture';
  const mermaid = () =>
    diagram === 'sequence'
      ? sequenceMermaid(scenario, results, optionId)
      : architectureMermaid(scenario, results, optionId);
  const fileName = exportFileName(request, optionId, diagram);
  const file = (bytes: Uint8Array): ExportedFile => ({ bytes, mime: EXPORT_MIME[format], fileName, optionId });
  const context = (): ReportContext => ({
    scenarioText: requireText(request),
    scenarioFile: request.scenarioFile ?? 'scenario.yaml',
    provenance: resultsProvenance(requireText(request)),
    uncertainValues: request.uncertainValues ?? 0,
    monteCarlo: request.monteCarlo,
    deciders: request.deciders,
  });

  if (format === 'mmd') return file(utf8(mermaid()));
  if (format === 'md')
    return file(utf8(markdownReport(scenario, requireResults(results, format), context(), optionId)));
  if (format === 'adr') return file(utf8(decisionRecordFile(scenario, requireResults(results, format), context())));
  if (format === 'csv') {
    const { uncertain, samples } = csvStudy(request);
    const provenance = resultsProvenance(requireText(request));
    return file(utf8(resultsCsv({ results: requireResults(results, format), provenance, uncertain, samples })));
  }

  const own = renderer === undefined;
  const browser = renderer ?? new ExportRenderer();
  try {
    if (format === 'svg') return file(utf8(await (await browser.diagrams()).renderSvg(mermaid())));
    if (format === 'png') return file(await (await browser.diagrams()).renderPng(mermaid()));
    const complete = requireResults(results, format);
    const [diagrams, charts] = await Promise.all([browser.diagrams(), browser.charts()]);
    const architectureSvg = await diagrams.renderSvg(architectureMermaid(scenario, complete, optionId));
    const sequenceSvg = await diagrams.renderSvg(sequenceMermaid(scenario, complete, optionId));
    const chartMarkup = await charts.render(complete, CHART_WIDTH, CHART_HEIGHT);
    const figures = { architectureSvg, sequenceSvg, charts: REPORT_CHART_NAMES.map((name) => chartMarkup[name]) };
    return file(utf8(htmlReport(scenario, complete, optionId, figures, context())));
  } finally {
    if (own) await browser.close();
  }
}

/** `0003-placement-for-ar-street-sign-translation.md`: numbered as adr-tools and log4brains' MADR folders are. */
export function decisionRecordFileName(scenarioName: string, recordNumber: number): string {
  return `${String(recordNumber).padStart(4, '0')}-placement-for-${slug(scenarioName)}.md`;
}

/** Reports are named after the scenario; a decision record as log4brains and adr-tools name theirs. */
function exportFileName(
  { scenario, format, recordNumber }: ExportRequest,
  optionId: string,
  diagram: DiagramKind,
): string {
  const name = slug(scenario.name);
  if (format === 'adr') return decisionRecordFileName(scenario.name, recordNumber ?? 1);
  if (format === 'md' || format === 'html') return `${name}-report.${format}`;
  if (format === 'csv') return `${name}-results.csv`;
  return `${name}-${optionId}-${diagram}.${format}`;
}

/** The nominal value of each uncertain parameter (the option rows') from the study, if any. */
function csvStudy({ monteCarlo, samples }: ExportRequest): { uncertain: Record<string, number>; samples: CsvSample[] } {
  const parameters = monteCarlo?.monte_carlo.parameters ?? [];
  return {
    uncertain: Object.fromEntries(parameters.map((parameter) => [parameter.parameter, parameter.nominal])),
    samples: samples ?? [],
  };
}

function requireText({ scenarioText, format }: ExportRequest): string {
  if (scenarioText === undefined) throw new ExportInputError(`the ${format} export needs the scenario's text`);
  return scenarioText;
}

function requireResults(results: ScenarioResults | null, format: ExportFormat): ScenarioResults {
  if (results === null)
    throw new ExportInputError(`the ${format} report needs simulation results: run the scenario first`);
  return results;
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A file-name-safe form of the scenario's name: `AR street-sign translation` → `ar-street-sign-translation`. */
export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'scenario'
  );
}
