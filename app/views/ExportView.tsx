// The Export view: the architecture or sequence diagram (Mermaid, SVG, PNG) or the report with
// its decision record (Markdown, HTML), the decision record alone or the results as CSV,
// rendered on the host and offered as a download.
import { useState } from 'react';
import { architectureMermaid, sequenceMermaid } from '../../simulator';
import type { ExportFormat, ExportProgress, ExportRequest } from '../../electron/api/contract';
import { Diagram } from '../components/Diagram';
import { IdSelect } from '../components/IdSelect';
import { useDiagramOption } from '../components/use-diagram-option';
import { usePlacewise, useSession } from '../context';
import { documentText } from '../store/document-slice';

const FORMATS: Record<ExportFormat, string> = {
  mmd: 'Mermaid source (.mmd)',
  svg: 'Diagram as SVG',
  png: 'Diagram as PNG',
  md: 'Report with decision record (Markdown)',
  html: 'Report with decision record and charts (HTML)',
  adr: 'Decision record alone (MADR Markdown, for docs/decisions/)',
  csv: 'Results, one row per option (CSV)',
};

/** The file's name, for the decision record's `placewise check` command. */
function scenarioFileName(path: string | null): string | undefined {
  return path?.split(/[\\/]/).pop() || undefined;
}

// A report of a scenario with uncertain values waits for a Monte Carlo study on the host: its progress is asked this often.
const PROGRESS_POLL_MS = 500;

function download(fileName: string, mime: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportView() {
  const session = useSession();
  const valid = usePlacewise((state) => state.scenario !== null);
  const options = usePlacewise((state) => state.lastValidScenario?.options ?? []);
  const notify = usePlacewise((state) => state.notify);
  const shown = useDiagramOption();
  const [format, setFormat] = useState<ExportFormat>('mmd');
  const [diagram, setDiagram] = useState<NonNullable<ExportRequest['diagram']>>('architecture');
  const [optionId, setOptionId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [actualSize, setActualSize] = useState(false);
  const option = optionId ?? shown ?? undefined;

  const run = async () => {
    const scenarioText = documentText(session.store.getState());
    if (scenarioText === null) return;
    setBusy(true);
    const progressId = crypto.randomUUID();
    let polling = true;
    const poll = async () => {
      const now = await session.api.exportProgress(progressId).catch(() => null);
      if (!polling) return;
      setProgress(now);
      timer = setTimeout(() => void poll(), PROGRESS_POLL_MS);
    };
    let timer = setTimeout(() => void poll(), PROGRESS_POLL_MS);
    try {
      const result = await session.api.exportScenario({
        scenarioText,
        format,
        optionId: option,
        diagram,
        scenarioFile: scenarioFileName(session.store.getState().path),
        progressId,
      });
      if (!result.ok) notify({ kind: 'error', text: `Export failed: ${result.message}` });
      else {
        download(result.fileName, result.mime, result.base64);
        notify({ kind: 'info', text: `Exported ${result.fileName}` });
      }
    } catch (error) {
      notify({ kind: 'error', text: `Export failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      polling = false;
      clearTimeout(timer);
      setProgress(null);
      setBusy(false);
    }
  };

  // The Mermaid source comes from the same pure functions the export uses, in the renderer, so
  // it can be pasted into a Markdown file or a wiki at once.
  const scenario = usePlacewise((state) => state.lastValidScenario);
  const results = usePlacewise((state) => state.results);
  const copyMermaid = async () => {
    if (!scenario || !option) return;
    const text =
      diagram === 'sequence'
        ? sequenceMermaid(scenario, results, option)
        : architectureMermaid(scenario, results, option);
    try {
      await navigator.clipboard.writeText(text);
      notify({ kind: 'info', text: `Copied the ${diagram} diagram's Mermaid source` });
    } catch (error) {
      notify({ kind: 'error', text: `Could not copy: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const diagramFormat = format === 'mmd' || format === 'svg' || format === 'png';
  return (
    <div className="benchmark-view">
      <section className="bench-form">
        <h2>Export</h2>
        <label>
          Format
          <select
            data-testid="export-format"
            value={format}
            onChange={(event) => setFormat(event.target.value as ExportFormat)}
          >
            {Object.entries(FORMATS).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {diagramFormat ? (
          <label>
            Diagram
            <select
              data-testid="export-diagram"
              value={diagram}
              onChange={(event) => setDiagram(event.target.value as typeof diagram)}
            >
              <option value="architecture">Architecture</option>
              <option value="sequence">Request sequence</option>
            </select>
          </label>
        ) : null}
        <label>
          Option
          <IdSelect testId="export-option" value={option ?? ''} ids={options} onChange={setOptionId} />
        </label>
        <div className="bench-buttons">
          <button data-testid="export-run" disabled={busy || !valid} onClick={() => void run()}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
          <button data-testid="copy-mermaid" disabled={!scenario || !option} onClick={() => void copyMermaid()}>
            Copy Mermaid
          </button>
          {!valid ? <span className="field-error">Fix the scenario's errors to export it.</span> : null}
        </div>
        {busy && progress ? (
          <div className="bench-progress" role="status" data-testid="export-progress">
            <progress max={progress.total} value={progress.done} /> Monte Carlo study of the uncertain values:{' '}
            {progress.done} of {progress.total} evaluations
          </div>
        ) : null}
      </section>
      <section className="export-preview">
        <div className="diagram-controls">
          <h2>{diagram === 'sequence' ? 'Request sequence' : 'Architecture'} diagram</h2>
          <label className="option-picker">
            <input
              type="checkbox"
              data-testid="diagram-actual-size"
              checked={actualSize}
              onChange={(event) => setActualSize(event.target.checked)}
            />
            Actual size
          </label>
        </div>
        <Diagram optionId={option ?? null} kind={diagram} actualSize={actualSize} />
      </section>
    </div>
  );
}
