// The top bar: file commands, undo and redo, the views, and the simulation's status.
import { useCallback, useEffect, useState } from 'react';
import { runCommand } from '../commands';
import { usePlacewise, useSession } from '../context';
import { isDirty } from '../store/document-slice';
import type { View } from '../store/ui-slice';

export const VIEWS: [View, string][] = [
  ['model', 'Model'],
  ['compare', 'Compare'],
  ['capacity', 'Capacity'],
  ['benchmark', 'Benchmark'],
  ['export', 'Export'],
];

interface FileChoice {
  path: string;
  label: string;
  title?: string;
}

/** A drop-down of files to open (recent files, worked examples), hidden while it has none. */
function FileChoices({ testId, label, load }: { testId: string; label: string; load: () => Promise<FileChoice[]> }) {
  const session = useSession();
  const [choices, setChoices] = useState<FileChoice[]>([]);
  useEffect(() => {
    load().then(setChoices, () => setChoices([]));
  }, [load]);
  if (choices.length === 0) return null;
  return (
    <select
      data-testid={testId}
      value=""
      aria-label={label}
      onChange={(event) => {
        if (event.target.value) void session.open(event.target.value);
      }}
    >
      <option value="">{label}…</option>
      {choices.map((choice) => (
        <option key={choice.path} value={choice.path} title={choice.title}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}

function RecentFiles() {
  const session = useSession();
  const load = useCallback(
    async () => (await session.api.recentFiles()).map((path) => ({ path, label: path })),
    [session],
  );
  return <FileChoices testId="recent-files" label="Recent" load={load} />;
}

/** The worked examples of scenarios/, by name, their question as the tooltip. */
function Examples() {
  const session = useSession();
  const load = useCallback(
    async () =>
      (await session.api.listExamples()).map((example) => ({
        path: example.path,
        label: example.name,
        title: example.summary,
      })),
    [session],
  );
  return <FileChoices testId="examples" label="Examples" load={load} />;
}

function SimulationStatus() {
  const session = useSession();
  const simulating = usePlacewise((state) => state.simulating);
  const fidelity = usePlacewise((state) => state.fidelity);
  const error = usePlacewise((state) => state.simulationError);
  const elapsed = usePlacewise((state) => state.simulationMs);
  const results = usePlacewise((state) => state.results);
  const progress = usePlacewise((state) => state.simulationProgress);
  const cancelled = usePlacewise((state) => state.fullRunCancelled);
  const refining = simulating && fidelity === 'preview';
  const text = error
    ? `Simulation failed: ${error}`
    : refining
      ? progress
        ? `Preview shown; full run: ${progress.done} of ${progress.total} options (${progress.option})`
        : 'Preview shown; refining…'
      : simulating
        ? 'Simulating…'
        : results
          ? `${fidelity === 'full' ? 'Full' : 'Preview'} fidelity${cancelled ? ' (full run cancelled)' : ''} · ${results.requests.toLocaleString('en-US')} requests per option · ${Math.round(elapsed ?? 0)} ms`
          : '';
  return (
    <span className="status-group">
      <span
        className={`status${error ? ' status-error' : ''}`}
        data-testid="simulation-status"
        data-fidelity={results ? (fidelity ?? 'none') : 'none'}
        data-running={simulating}
        role="status"
      >
        {progress && refining ? <progress max={progress.total} value={progress.done} aria-hidden="true" /> : null}
        {text}
      </span>
      {refining ? (
        <button
          className="small"
          data-testid="simulation-cancel"
          title="Stop the full-fidelity run and keep the preview"
          onClick={() => session.runner.cancel()}
        >
          Cancel
        </button>
      ) : null}
    </span>
  );
}

/** The views as tabs (role tab, aria-selected); arrow keys move between them, as in any tab list. */
function ViewTabs() {
  const view = usePlacewise((state) => state.view);
  const setView = usePlacewise((state) => state.setView);
  const move = (from: number, step: number) => {
    const [next] = VIEWS[(from + step + VIEWS.length) % VIEWS.length];
    setView(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <nav className="tabs" role="tablist" aria-label="Views">
      {VIEWS.map(([id, label], index) => (
        <button
          key={id}
          id={`tab-${id}`}
          role="tab"
          aria-selected={view === id}
          aria-controls="view-panel"
          tabIndex={view === id ? 0 : -1}
          data-testid={`view-${id}`}
          className={view === id ? 'active' : ''}
          onClick={() => setView(id)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowRight') move(index, 1);
            if (event.key === 'ArrowLeft') move(index, -1);
          }}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}

export function Toolbar() {
  const session = useSession();
  const path = usePlacewise((state) => state.path);
  // The draft's name: a document opened with errors has no valid version yet.
  const name = usePlacewise((state) => (typeof state.draft?.name === 'string' ? state.draft.name : state.path));
  const canUndo = usePlacewise((state) => state.past.length > 0);
  const canRedo = usePlacewise((state) => state.future.length > 0);
  const dirty = usePlacewise(isDirty);
  return (
    <header className="toolbar">
      <span className="brand">Placewise</span>
      <button data-testid="new" onClick={() => runCommand(session, 'new')}>
        New…
      </button>
      <button data-testid="open" onClick={() => runCommand(session, 'open')}>
        Open…
      </button>
      {/* Keyed on the path: the list is read again whenever a file is opened or saved. */}
      <RecentFiles key={path ?? ''} />
      <Examples />
      <button data-testid="save" onClick={() => runCommand(session, 'save')}>
        Save
      </button>
      <button data-testid="save-as" onClick={() => runCommand(session, 'save-as')}>
        Save as…
      </button>
      <button data-testid="undo" disabled={!canUndo} onClick={() => runCommand(session, 'undo')}>
        Undo
      </button>
      <button data-testid="redo" disabled={!canRedo} onClick={() => runCommand(session, 'redo')}>
        Redo
      </button>
      <ViewTabs />
      <span className="document" title={path ?? undefined} data-testid="document-title">
        {name ?? 'No scenario'}
        {dirty ? ' •' : ''}
      </span>
      <SimulationStatus />
    </header>
  );
}
