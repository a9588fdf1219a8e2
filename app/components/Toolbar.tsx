// The top bar: file commands, undo and redo, the views, and the simulation's status.
import { useEffect, useState } from 'react';
import { runCommand } from '../commands';
import { usePlacewise, useSession } from '../context';
import { isDirty } from '../store/document-slice';
import type { View } from '../store/ui-slice';

const VIEWS: [View, string][] = [
  ['model', 'Model'],
  ['compare', 'Compare'],
  ['capacity', 'Capacity'],
  ['benchmark', 'Benchmark'],
  ['export', 'Export'],
];

function RecentFiles() {
  const session = useSession();
  const [recent, setRecent] = useState<string[]>([]);
  useEffect(() => {
    session.api.recentFiles().then(setRecent, () => setRecent([]));
  }, [session]);
  if (recent.length === 0) return null;
  return (
    <select
      data-testid="recent-files"
      value=""
      aria-label="Recent files"
      onChange={(event) => {
        if (event.target.value) void session.open(event.target.value);
      }}
    >
      <option value="">Recent…</option>
      {recent.map((file) => (
        <option key={file} value={file}>
          {file}
        </option>
      ))}
    </select>
  );
}

function SimulationStatus() {
  const simulating = usePlacewise((state) => state.simulating);
  const fidelity = usePlacewise((state) => state.fidelity);
  const error = usePlacewise((state) => state.simulationError);
  const elapsed = usePlacewise((state) => state.simulationMs);
  const results = usePlacewise((state) => state.results);
  const text = error
    ? `Simulation failed: ${error}`
    : simulating
      ? fidelity === 'preview'
        ? 'Preview shown; refining…'
        : 'Simulating…'
      : results
        ? `${fidelity === 'full' ? 'Full' : 'Preview'} fidelity · ${results.requests.toLocaleString('en-US')} requests per option · ${Math.round(elapsed ?? 0)} ms`
        : '';
  return (
    <span
      className={`status${error ? ' status-error' : ''}`}
      data-testid="simulation-status"
      data-fidelity={results ? (fidelity ?? 'none') : 'none'}
      data-running={simulating}
    >
      {text}
    </span>
  );
}

export function Toolbar() {
  const session = useSession();
  const view = usePlacewise((state) => state.view);
  const setView = usePlacewise((state) => state.setView);
  const path = usePlacewise((state) => state.path);
  const name = usePlacewise((state) => state.lastValidScenario?.name);
  const canUndo = usePlacewise((state) => state.past.length > 0);
  const canRedo = usePlacewise((state) => state.future.length > 0);
  const dirty = usePlacewise(isDirty);
  return (
    <header className="toolbar">
      <span className="brand">Placewise</span>
      <button data-testid="open" onClick={() => runCommand(session, 'open')}>
        Open…
      </button>
      {/* Keyed on the path: the list is read again whenever a file is opened or saved. */}
      <RecentFiles key={path ?? ''} />
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
      <nav className="tabs" aria-label="Views">
        {VIEWS.map(([id, label]) => (
          <button
            key={id}
            data-testid={`view-${id}`}
            className={view === id ? 'active' : ''}
            onClick={() => setView(id)}
          >
            {label}
          </button>
        ))}
      </nav>
      <span className="document" title={path ?? undefined} data-testid="document-title">
        {name ?? 'No scenario'}
        {dirty ? ' •' : ''}
      </span>
      <SimulationStatus />
    </header>
  );
}
