// The renderer's entry: connects to the host, creates the store and the simulation worker,
// opens the start scenario, then renders.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectApi } from './api/client';
import type { CapacityWorker } from './capacity-session';
import { SessionContext } from './context';
import { PlacewiseSession } from './session';
import type { SimulationWorker } from './simulation/simulation-runner';
import type { UncertaintyWorker } from './uncertainty-session';
import { layoutEngine } from './canvas/model/layout-engine';
import { createPlacewiseStore } from './store/store';
import './styles.css';

function createSimulationWorker(): SimulationWorker {
  return new Worker(new URL('./simulation/simulation.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as SimulationWorker;
}

function createCapacityWorker(): CapacityWorker {
  return new Worker(new URL('./simulation/capacity.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as CapacityWorker;
}

function createUncertaintyWorker(): UncertaintyWorker {
  return new Worker(new URL('./simulation/uncertainty.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as UncertaintyWorker;
}

// The canvas's layout worker loads elk while the start scenario is read and simulated.
void layoutEngine();

const root = createRoot(document.getElementById('root')!);
try {
  const session = new PlacewiseSession(
    connectApi(),
    createPlacewiseStore(),
    createSimulationWorker,
    createCapacityWorker,
    createUncertaintyWorker,
  );
  // The start scenario is opened before the first render, so the window's first paint shows it
  // (never "No scenario" while the host reads the file).
  void session
    .start()
    .catch((error: unknown) => {
      session.store
        .getState()
        .notify({ kind: 'error', text: `Could not start: ${error instanceof Error ? error.message : String(error)}` });
    })
    .then(() =>
      root.render(
        <StrictMode>
          <SessionContext.Provider value={session}>
            <App />
          </SessionContext.Provider>
        </StrictMode>,
      ),
    );
} catch (error) {
  root.render(<p className="fatal">{error instanceof Error ? error.message : String(error)}</p>);
}
