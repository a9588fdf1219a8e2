// Runs each scenario edit in workers, first at preview fidelity (a few thousand requests, back
// within a fraction of a second), then at full fidelity. A newer edit supersedes an older run, so
// results always match the latest edit. A long full run reports its progress per option and can
// be cancelled: its worker is ended, so its work stops, and the preview stays on screen.
//
// Two workers share the work. The preview worker answers every edit first (the option on the
// canvas ahead of the others) and is never ended by an edit, so it stays warm: V8 has compiled
// the simulator there, and a fresh worker's first preview takes several times as long. The worker
// drops a superseded request at its next option instead (see latest-request.ts), and a preview's
// option takes tens of milliseconds. The full-fidelity run follows on the full worker, which an
// edit or Cancel ends when it is busy, since a full run can last minutes; the next full run
// loads a fresh one after the edit's preview has been answered and drawn, so that its loading
// delays neither a first answer nor the page drawing it (on two cores, a worker loading and
// compiling beside the drawing took the redraw of an edit from 0.3 to 1.1 s). Once a full run is
// over, the two workers swap roles.
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
  private previewWorker: SimulationWorker | null = null;
  /** The latest edit's first answer is still to come from the preview worker. */
  private previewing = false;
  private fullWorker: SimulationWorker | null = null;
  private fullBusy = false;
  /** A preview was answered and its full run waits for the preview to be drawn. */
  private fullPending = false;
  private runId = 0;
  private scenario: Scenario | null = null;

  constructor(
    private readonly createWorker: () => SimulationWorker,
    private readonly listener: SimulationListener,
    /** Calls `start` once the answered preview is drawn (the app waits for a frame). */
    private readonly afterDrawn: (start: () => void) => void = (start) => start(),
  ) {}

  /** Simulates an edit; `focus`, the option on the canvas, comes back first at preview fidelity. */
  run(scenario: Scenario, focus: string | null = null): void {
    this.runId += 1;
    this.scenario = scenario;
    this.endFullRun();
    this.listener.started();
    const fullRequests = scenario.workload.requests;
    const previewSuffices = fullRequests !== undefined && fullRequests <= PREVIEW_REQUESTS;
    // A full run that ended since the last preview makes its worker the one that ran last: the
    // two swap, since a worker idle for several seconds answered edits slower in the loaded
    // bench (the cause not traced further; V8 reduces the memory of an isolate gone idle).
    if (!this.previewing && this.fullWorker)
      [this.previewWorker, this.fullWorker] = [this.fullWorker, this.previewWorker];
    this.previewing = true;
    this.previewWorker ??= this.startWorker();
    this.previewWorker.postMessage(
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
    this.previewing = false;
    this.endFullRun();
  }

  /** Stops the running simulation (a full run's worker is ended, so its work stops). */
  cancel(): void {
    if (!this.previewing && !this.fullBusy && !this.fullPending) return;
    this.runId += 1;
    this.previewing = false;
    this.endFullRun();
    this.listener.cancelled?.();
  }

  dispose(): void {
    this.previewWorker?.terminate();
    this.previewWorker = null;
    this.fullWorker?.terminate();
    this.fullWorker = null;
  }

  private endFullRun(): void {
    this.fullPending = false;
    if (!this.fullBusy) return;
    this.fullWorker?.terminate();
    this.fullWorker = null;
    this.fullBusy = false;
  }

  private startWorker(): SimulationWorker {
    const worker = this.createWorker();
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      worker.terminate();
      this.failedWorker(worker, event.message);
    };
    return worker;
  }

  /** Forgets a worker that failed (the next run starts a fresh one); reported if the latest edit waited for it. */
  private failedWorker(worker: SimulationWorker, message: string): void {
    let waited = false;
    if (worker === this.previewWorker) {
      this.previewWorker = null;
      waited = this.previewing;
      this.previewing = false;
    }
    if (worker === this.fullWorker) {
      this.fullWorker = null;
      waited = this.fullBusy;
      this.fullBusy = false;
    }
    if (waited) this.listener.failed(`the simulation worker failed: ${message || 'unknown error'}`);
  }

  private postFull(request: SimulationRequest): void {
    this.fullWorker ??= this.startWorker();
    this.fullBusy = true;
    this.fullWorker.postMessage(request);
  }

  private receive(reply: SimulationReply): void {
    // Replies to a superseded edit, from the preview worker that went on to the newer one.
    if (reply.runId !== this.runId || !this.scenario) return;
    if ('progress' in reply) {
      if (reply.fidelity === 'full') this.listener.progress?.(reply.progress);
      return;
    }
    if ('focusResult' in reply) {
      this.listener.focusPreviewed?.(reply.focusResult);
      return;
    }
    this.previewing = false;
    this.fullBusy = false;
    if (!reply.ok) {
      this.listener.failed(reply.message);
      return;
    }
    const more = reply.fidelity === 'preview';
    this.listener.finished({ fidelity: reply.fidelity, results: reply.results, elapsedMs: reply.elapsedMs }, more);
    if (!more) return;
    // The full run's worker is often a fresh one (an edit ended the last), whose loading and
    // compiling would take a core from the page while it draws the preview: it waits until drawn.
    const { runId, scenario } = this;
    this.fullPending = true;
    this.afterDrawn(() => {
      if (!this.fullPending || runId !== this.runId) return;
      this.fullPending = false;
      this.postFull({ runId, fidelity: 'full', scenario });
    });
  }
}

/**
 * Calls `start` once the page has drawn its next frame (a task after the frame), or after 100 ms
 * where no frame comes: a hidden window draws none, and its full run must not wait for one.
 */
export function startAfterNextFrame(start: () => void): void {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    start();
  };
  const fallback = setTimeout(once, 100);
  requestAnimationFrame(() =>
    setTimeout(() => {
      clearTimeout(fallback);
      once();
    }, 0),
  );
}
