// The window: toolbar, messages, and the current view.
import { useEffect } from 'react';
import { runCommand, runMenuCommand, shortcutCommand } from './commands';
import { NoticeBar, OpenProblemPanel, RecoveryBanner, ScenarioErrors } from './components/Banners';
import { DiscardPrompt } from './components/DiscardPrompt';
import { PathPrompt } from './components/PathPrompt';
import { Toolbar, VIEWS } from './components/Toolbar';
import { NewScenarioDialog } from './new-scenario/NewScenarioDialog';
import { ViewErrorBoundary } from './components/ViewErrorBoundary';
import { usePlacewise, useSession } from './context';
import { BenchmarkView } from './views/BenchmarkView';
import { CapacityView } from './views/CapacityView';
import { CompareView } from './views/CompareView';
import { ExportView } from './views/ExportView';
import { ModelView } from './views/ModelView';

export function App() {
  const session = useSession();
  const view = usePlacewise((state) => state.view);
  const loaded = usePlacewise((state) => state.draft !== null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = shortcutCommand(event);
      if (!command) return;
      event.preventDefault();
      runCommand(session, command);
    };
    window.addEventListener('keydown', onKey);
    const stopMenu = window.placewiseMenu?.onCommand((command) => runMenuCommand(session, command));
    const stopOpenPath = window.placewiseMenu?.onOpenPath((path) => void session.open(path));
    return () => {
      window.removeEventListener('keydown', onKey);
      stopMenu?.();
      stopOpenPath?.();
    };
  }, [session]);

  return (
    <div className="app">
      <Toolbar />
      <RecoveryBanner />
      <NoticeBar />
      <OpenProblemPanel />
      <ScenarioErrors />
      <main className="view">
        <div className="view-panel" id="view-panel" role="tabpanel" aria-labelledby={`tab-${view}`}>
          <h1 className="visually-hidden">Placewise: {VIEWS.find(([id]) => id === view)?.[1]}</h1>
          <ViewErrorBoundary>
            {!loaded ? <p className="hint">Open a scenario to begin.</p> : null}
            {loaded && view === 'model' ? <ModelView /> : null}
            {loaded && view === 'compare' ? <CompareView /> : null}
            {loaded && view === 'capacity' ? <CapacityView /> : null}
            {view === 'benchmark' ? <BenchmarkView /> : null}
            {loaded && view === 'export' ? <ExportView /> : null}
          </ViewErrorBoundary>
        </div>
      </main>
      <PathPrompt />
      <DiscardPrompt />
      <NewScenarioDialog />
    </div>
  );
}
