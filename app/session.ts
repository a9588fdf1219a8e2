// The renderer's work with the host: opening, saving, autosaving and recovering scenarios, and
// keeping the simulation in step with the open scenario. Views call it; it updates the store.
import { stringify as stringifyYaml } from 'yaml';
import type { PlacewiseApi } from '../electron/api/contract';
import { BenchmarkSession } from './benchmark-session';
import { CapacitySession, type CapacityWorker } from './capacity-session';
import { diagramOptionOf } from './components/use-diagram-option';
import type { ScenarioDraft } from './editing/draft';
import { SimulationRunner, startAfterNextFrame, type SimulationWorker } from './simulation/simulation-runner';
import { documentText, isDirty, matchesSaved, opensAsDocument } from './store/document-slice';
import type { PlacewiseStore } from './store/store';
import type { PendingDocument } from './store/ui-slice';
import { UncertaintySession, type UncertaintyWorker } from './uncertainty-session';

const AUTOSAVE_DELAY_MS = 400;

export class PlacewiseSession {
  readonly runner: SimulationRunner;
  readonly benchmarks: BenchmarkSession;
  readonly capacity: CapacitySession;
  readonly uncertainty: UncertaintySession;
  private autosaveTimer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    readonly api: PlacewiseApi,
    readonly store: PlacewiseStore,
    createWorker: () => SimulationWorker,
    createCapacityWorker: () => CapacityWorker = unavailableCapacityWorker,
    createUncertaintyWorker: () => UncertaintyWorker = unavailableUncertaintyWorker,
  ) {
    const state = () => store.getState();
    this.benchmarks = new BenchmarkSession(api, store);
    this.capacity = new CapacitySession(store, createCapacityWorker);
    this.uncertainty = new UncertaintySession(store, createUncertaintyWorker);
    this.runner = new SimulationRunner(
      createWorker,
      {
        started: () => state().simulationStarted(),
        finished: (update, more) => {
          // Marks when results reach the UI thread, so test/perf/app-responsiveness.ts can split simulation from drawing.
          performance.mark('placewise:results', { detail: update.fidelity });
          state().simulationFinished(update, more);
        },
        focusPreviewed: (result) => {
          performance.mark('placewise:results', { detail: 'preview of the shown option' });
          state().focusPreviewed(result);
        },
        failed: (message) => state().simulationFailed(message),
        progress: (progress) => state().simulationProgressed(progress),
        cancelled: () => state().simulationCancelled(),
      },
      startAfterNextFrame,
    );
  }

  /** Opens the start scenario, offers any recovered work, and keeps simulation and autosave in step with edits. */
  async start(): Promise<void> {
    this.unsubscribe = this.store.subscribe((next, previous) => {
      if (next.scenario && next.scenario !== previous.scenario) {
        // An edit's figures are shown against those before it (a file just opened has none).
        if (next.draft !== previous.draft && previous.draft !== null) next.rememberResultsBeforeEdit();
        this.runner.run(next.scenario, diagramOptionOf(next));
      }
      // A document opened with errors has no results until it is repaired.
      if (next.lastValidScenario === null && previous.lastValidScenario !== null) this.runner.stop();
      // A Monte Carlo study of the scenario before an edit would answer the wrong question.
      if (next.draft !== previous.draft && next.uncertaintyRun?.state === 'running') this.uncertainty.cancel();
      if (next.draft !== previous.draft && previous.draft !== null) this.scheduleAutosave();
    });
    const [info, recovery] = await Promise.all([this.api.hostInfo(), this.api.readRecovery()]);
    if (info.startScenarioPath) await this.open(info.startScenarioPath);
    if (recovery && !matchesSaved(this.store.getState(), recovery.text))
      this.store.getState().setRecoveryOffer(recovery);
  }

  dispose(): void {
    this.unsubscribe?.();
    this.runner.dispose();
    this.benchmarks.dispose();
    this.capacity.dispose();
    this.uncertainty.dispose();
    if (this.autosaveTimer) clearTimeout(this.autosaveTimer);
  }

  async open(path: string): Promise<boolean> {
    const state = this.store.getState();
    let result: Awaited<ReturnType<PlacewiseApi['openScenario']>>;
    try {
      result = await this.api.openScenario(path);
    } catch (error) {
      state.reportOpenProblem({ path, messages: [messageOf(error)] });
      return false;
    }
    if (!result.ok) {
      state.reportOpenProblem({ path: result.path, messages: [result.message] });
      return false;
    }
    // Unsaved work is never replaced silently; a file that will not load replaces nothing anyway.
    if (isDirty(state) && opensAsDocument(result.file.text)) {
      state.setDiscardPrompt(result.file);
      return false;
    }
    return this.load(result.file);
  }

  /** Opens a file already read, or a new scenario, dropping unsaved work (after the user agreed). */
  load(document: PendingDocument): boolean {
    const state = this.store.getState();
    state.setDiscardPrompt(null);
    // A new scenario has no file yet: it stays unsaved until Save asks where to put it.
    const opened = state.loadScenarioText(
      document.path,
      document.text,
      document.path === null ? { savedValue: null } : {},
    );
    if (opened) this.afterDocumentChange();
    return opened;
  }

  /** File › New: opens a starting point as an unsaved document, asking first if that drops unsaved work. */
  startNew(draft: ScenarioDraft): boolean {
    const pending = { path: null, text: stringifyYaml(draft, { lineWidth: 0 }) };
    if (isDirty(this.store.getState())) {
      this.store.getState().setDiscardPrompt(pending);
      return false;
    }
    return this.load(pending);
  }

  /** Asks for a file (native dialog, else the in-app path prompt) and opens it. */
  async chooseAndOpen(): Promise<void> {
    const info = await this.api.hostInfo();
    if (!info.nativeDialogs) {
      this.store.getState().setPathPrompt({ purpose: 'open', initial: this.store.getState().path ?? '' });
      return;
    }
    const path = await this.api.chooseScenarioToOpen();
    if (path) await this.open(path);
  }

  async save(): Promise<boolean> {
    const { path } = this.store.getState();
    if (path === null) {
      await this.chooseAndSaveAs();
      return false;
    }
    return this.saveAs(path);
  }

  async chooseAndSaveAs(): Promise<void> {
    const info = await this.api.hostInfo();
    const current = this.store.getState().path;
    if (!info.nativeDialogs) {
      this.store.getState().setPathPrompt({ purpose: 'save', initial: current ?? '' });
      return;
    }
    const path = await this.api.chooseSavePath(current);
    if (path) await this.saveAs(path);
  }

  /**
   * Saves the draft to `path` (atomically, on the host) as the document's own text with the
   * draft's changes spliced in; on failure the work stays open and unsaved.
   */
  async saveAs(path: string): Promise<boolean> {
    const state = this.store.getState();
    const text = documentText(state);
    if (text === null) return false;
    try {
      const result = await this.api.saveScenario({ path, text });
      if (!result.ok) {
        state.notify({ kind: 'error', text: result.message });
        return false;
      }
      state.markSaved(result.path, text);
      state.notify({ kind: 'info', text: `Saved ${result.path}` });
      await this.api.clearRecovery();
      return true;
    } catch (error) {
      state.notify({ kind: 'error', text: `Not saved: ${messageOf(error)}; your work is untouched` });
      return false;
    }
  }

  restoreRecovery(): void {
    const state = this.store.getState();
    const record = state.recoveryOffer;
    if (!record) return;
    // The restored work stays unsaved (against the file on disk) until the user saves it.
    const savedValue = state.path === record.path ? state.savedValue : null;
    if (state.loadScenarioText(record.path, record.text, { savedValue })) this.afterDocumentChange();
    state.setRecoveryOffer(null);
  }

  async discardRecovery(): Promise<void> {
    this.store.getState().setRecoveryOffer(null);
    await this.api.clearRecovery();
  }

  private afterDocumentChange(): void {
    const state = this.store.getState();
    state.select(null);
    state.setDiagramOption(null);
    state.forgetResultsBeforeEdit();
    state.documentOpened();
    this.uncertainty.clear();
  }

  private scheduleAutosave(): void {
    if (this.autosaveTimer) clearTimeout(this.autosaveTimer);
    this.autosaveTimer = setTimeout(() => {
      this.autosaveTimer = null;
      void this.autosave();
    }, AUTOSAVE_DELAY_MS);
  }

  private async autosave(): Promise<void> {
    const state = this.store.getState();
    const text = documentText(state);
    if (text === null) return;
    try {
      if (isDirty(state)) await this.api.writeRecovery({ path: state.path, text });
      else await this.api.clearRecovery();
    } catch (error) {
      state.notify({ kind: 'error', text: `Autosave failed: ${messageOf(error)}` });
    }
  }
}

function unavailableCapacityWorker(): CapacityWorker {
  throw new Error('capacity sweeps need a worker');
}

function unavailableUncertaintyWorker(): UncertaintyWorker {
  throw new Error('Monte Carlo studies need a worker');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
