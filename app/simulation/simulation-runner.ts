// Runs each scenario edit in the worker, first at preview fidelity (a few thousand requests,
// back within a fraction of a second), then at full fidelity. A newer edit supersedes an older
// run: a busy worker is replaced rather than waited for, so results always match the latest edit.
// A long full run reports its progress per option and can be cancelled: the worker is ended, so
// its work stops, and the preview stays on screen.
//
// A replaced worker is taken over by a spare that loaded while nothing was waiting for it: a
// fresh worker loads the whole simulator before it answers (about 0.4 s on a busy 2-core
// machine), which an edit made during a full run would otherwise wait for. The spare is started
// once a preview has been answered or the runner is idle, so that it never delays an answer, and
// an idle spare costs memory only.
import type { OptionResult } from '../../simulator/results';
import type { Scenario } from '../../simulator/scenario/schema';
import type { SimulationUpdate } from '../store/simulation-slice';
import type { SimulationProgress, SimulationReply, SimulationRequest } from './protocol';

export const PREVIEW_REQUESTS = 2000;

/** The part of a Worker the runner uses, so that tests can give it a fake. */
export interface SimulationWorker {
  postMessage(request: SimulationRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<SimulationReply>) => void) | null;
  /** A worker that fails to load or throws outside a run. */
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface SimulationListener {
  started(): void;
  /** `more`: a full-fidelity run follows this preview. */
  finished(update: SimulationUpdate, more: boolean): void;
  /** The focused option's preview, ahead of the other options'. */
  focusPreviewed?(result: OptionResult): void;
  failed(message: string): void;
  /** How far the running full-fidelity run is. */
  progress?(progress: SimulationProgress): void;
  /** The full run was cancelled: the preview's results stay. */
  cancelled?(): void;
}

export class SimulationRunner {
  private worker: SimulationWorker | null = null;
  private spare: SimulationWorker | null = null;
  private busy = false;
  private runId = 0;
  private scenario: Scenario | null = null;

  constructor(
    private readonly createWorker: () => SimulationWorker,
    private readonly listener: SimulationListener,
  ) {}

  /** Simulates an edit; `focus`, the option on the canvas, comes back first at preview fidelity. */
  run(scenario: Scenario, focus: string | null = null): void {
    this.runId += 1;
    this.scenario = scenario;
    if (this.busy) this.replaceWorker();
    this.listener.started();
    const fullRequests = scenario.workload.requests;
    const previewSuffices = fullRequests !== undefined && fullRequests <= PREVIEW_REQUESTS;
    this.post(
      previewSuffices
        ? { runId: this.runId, fidelity: 'full', scenario }
        : {
            runId: this.runId,
            fidelity: 'preview',
            scenario,
            requests: PREVIEW_REQUESTS,
            ...(focus === null ? {} : { focus }),
          },
    );
  }

  /** Drops the run in progress: its results would describe a scenario no longer open. */
  stop(): void {
    this.runId += 1;
    this.scenario = null;
    if (this.busy) this.replaceWorker();
  }

  /** Stops the running simulation (its worker is ended, so its work stops). */
  cancel(): void {
    if (!this.busy) return;
    this.runId += 1;
    this.replaceWorker();
    this.listener.cancelled?.();
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.spare?.terminate();
    this.spare = null;
  }

  private replaceWorker(): void {
    this.worker?.terminate();
    this.worker = null;
    this.busy = false;
    this.prepareSpare();
  }

  /** Starts loading the worker that replaces the next one ended, unless one is loading or loaded. */
  private prepareSpare(): void {
    if (this.spare) return;
    const spare = this.createWorker();
    // A spare that fails to load is dropped: the next replacement loads one of its own.
    spare.onerror = (event) => {
      event.preventDefault?.();
      spare.terminate();
      if (this.spare === spare) this.spare = null;
    };
    this.spare = spare;
  }

  private post(request: SimulationRequest): void {
    if (!this.worker) {
      const worker = this.spare ?? this.createWorker();
      this.spare = null;
      worker.onmessage = (event) => this.receive(event.data);
      worker.onerror = (event) => {
        event.preventDefault?.();
        // The next run starts a fresh worker.
        this.replaceWorker();
        this.listener.failed(`the simulation worker failed: ${event.message || 'unknown error'}`);
      };
      this.worker = worker;
    }
    this.busy = true;
    this.worker.postMessage(request);
  }

  private receive(reply: SimulationReply): void {
    if ('progress' in reply) {
      if (reply.runId === this.runId && reply.fidelity === 'full') this.listener.progress?.(reply.progress);
      return;
    }
    if ('focusResult' in reply) {
      if (reply.runId === this.runId && this.scenario) this.listener.focusPreviewed?.(reply.focusResult);
      return;
    }
    this.busy = false;
    if (reply.runId !== this.runId || !this.scenario) return;
    if (!reply.ok) {
      this.listener.failed(reply.message);
      return;
    }
    const more = reply.fidelity === 'preview';
    this.listener.finished({ fidelity: reply.fidelity, results: reply.results, elapsedMs: reply.elapsedMs }, more);
    if (more) this.post({ runId: this.runId, fidelity: 'full', scenario: this.scenario });
    // The edit has its answer on screen: a spare loading now delays none.
    this.prepareSpare();
  }
}
