// One export, whatever asks for it: the CLI's `placewise export` and the app's host API both
// call exportScenario and write (or offer to save) the bytes it returns.

import { architectureMermaid } from '../../../simulator/export/architecture-mermaid';
import { defaultExportOption } from '../../../simulator/export/default-option';
import { htmlReport } from '../../../simulator/export/html-report';
import { markdownReport } from '../../../simulator/export/markdown-report';
import { findOption } from '../../../simulator/export/option-placement';
import { sequenceMermaid } from '../../../simulator/export/sequence-mermaid';
import type { ScenarioResults } from '../../../simulator/results';
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
  const fileName = `${slug(scenario.name)}-${format === 'md' || format === 'html' ? 'report' : `${optionId}-${diagram}`}.${format}`;
  const file = (bytes: Uint8Array): ExportedFile => ({ bytes, mime: EXPORT_MIME[format], fileName, optionId });

  if (format === 'mmd') return file(utf8(mermaid()));
  if (format === 'md') return file(utf8(markdownReport(scenario, requireResults(results, format), optionId)));

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
    return file(utf8(htmlReport(scenario, complete, optionId, figures)));
  } finally {
    if (own) await browser.close();
  }
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
