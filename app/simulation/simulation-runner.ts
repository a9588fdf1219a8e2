// Runs each scenario edit in workers, first at preview fidelity (a few thousand requests, back
// within a fraction of a second), then at full fidelity. A newer edit supersedes an older run, so
// results always match the latest edit. A long full run reports its progress per option and can
// be cancelled: its worker is ended, so its work stops, and the preview stays on screen.
//
// Two workers share the work. The answer worker simulates only the option the canvas shows, at
// the first fidelity, and lives as long as the runner: it stays warm, so an edit's first answer
// comes back in tens of milliseconds. Its runs are short, so an edit arriving while it is busy
// waits for it (only the latest such edit is kept) instead of ending it. The bulk worker then
// simulates the other options, and the full run; an edit ends it when it is busy, since a full
// run can last minutes. A fresh worker runs the simulator cold (a first preview of the AR
// scenario's shown option took ten times as long as a warm one), which is why the first answer
// never waits for a fresh bulk worker.
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
  private answerWorker: SimulationWorker | null = null;
  private answerBusy = false;
  /** The latest edit's answer request, waiting for the answer worker to finish a stale one. */
  private answerWaiting: SimulationRequest | null = null;
  private bulkWorker: SimulationWorker | null = null;
  private bulkBusy = false;
  private runId = 0;
  private scenario: Scenario | null = null;

  constructor(
    private readonly createWorker: () => SimulationWorker,
    private readonly listener: SimulationListener,
  ) {}

  /** Simulates an edit; `focus`, the option on the canvas, comes back first. */
  run(scenario: Scenario, focus: string | null = null): void {
    this.runId += 1;
    this.scenario = scenario;
    this.answerWaiting = null;
    if (this.bulkBusy) this.replaceBulkWorker();
    this.listener.started();
    const fullRequests = scenario.workload.requests;
    const previewSuffices = fullRequests !== undefined && fullRequests <= PREVIEW_REQUESTS;
    const first: SimulationRequest = previewSuffices
      ? { runId: this.runId, fidelity: 'full', scenario }
      : { runId: this.runId, fidelity: 'preview', scenario, requests: PREVIEW_REQUESTS };
    const focusFirst = focus !== null && scenario.options.length > 1 && scenario.options.some(({ id }) => id === focus);
    if (focusFirst) this.postAnswer({ ...first, focus });
    else this.postBulk(first);
  }

  /** Drops the run in progress: its results would describe a scenario no longer open. */
  stop(): void {
    this.runId += 1;
    this.scenario = null;
    this.answerWaiting = null;
    if (this.bulkBusy) this.replaceBulkWorker();
  }

  /** Stops the running full-fidelity simulation (its worker is ended, so its work stops). */
  cancel(): void {
    if (!this.bulkBusy) return;
    this.runId += 1;
    this.replaceBulkWorker();
    this.listener.cancelled?.();
  }

  dispose(): void {
    this.answerWorker?.terminate();
    this.answerWorker = null;
    this.bulkWorker?.terminate();
    this.bulkWorker = null;
  }

  private replaceBulkWorker(): void {
    this.bulkWorker?.terminate();
    this.bulkWorker = null;
    this.bulkBusy = false;
  }

  /** A worker whose replies go to `receive`; a failure ends it and is reported. */
  private startWorker(receive: (reply: SimulationReply) => void, ended: () => void): SimulationWorker {
    const worker = this.createWorker();
    worker.onmessage = (event) => receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      worker.terminate();
      // The next run starts a fresh worker.
      ended();
      this.listener.failed(`the simulation worker failed: ${event.message || 'unknown error'}`);
    };
    return worker;
  }

  private postAnswer(request: SimulationRequest): void {
    if (this.answerBusy) {
      this.answerWaiting = request;
      return;
    }
    this.answerWorker ??= this.startWorker(
      (reply) => this.receiveAnswer(reply),
      () => {
        this.answerWorker = null;
        this.answerBusy = false;
        this.answerWaiting = null;
      },
    );
    this.answerBusy = true;
    this.answerWorker.postMessage(request);
  }

  private postBulk(request: SimulationRequest): void {
    this.bulkWorker ??= this.startWorker(
      (reply) => this.receiveBulk(reply),
      () => {
        this.bulkWorker = null;
        this.bulkBusy = false;
      },
    );
    this.bulkBusy = true;
    this.bulkWorker.postMessage(request);
  }

  private receiveAnswer(reply: SimulationReply): void {
    if ('progress' in reply) return;
    this.answerBusy = false;
    const waiting = this.answerWaiting;
    this.answerWaiting = null;
    if (waiting) this.postAnswer(waiting);
    if (reply.runId !== this.runId || !this.scenario) return;
    if ('focusResult' in reply) {
      this.listener.focusPreviewed?.(reply.focusResult);
      // The other options, at the same fidelity, taking the answer as it is.
      const { focusResult, ...settings } = reply;
      this.postBulk({
        ...settings,
        scenario: this.scenario,
        ...(settings.fidelity === 'preview' ? { requests: PREVIEW_REQUESTS } : {}),
        known: [focusResult],
      });
    } else if (!reply.ok) {
      this.listener.failed(reply.message);
    }
  }

  private receiveBulk(reply: SimulationReply): void {
    if ('progress' in reply) {
      if (reply.runId === this.runId && reply.fidelity === 'full') this.listener.progress?.(reply.progress);
      return;
    }
    if ('focusResult' in reply) return;
    this.bulkBusy = false;
    if (reply.runId !== this.runId || !this.scenario) return;
    if (!reply.ok) {
      this.listener.failed(reply.message);
      return;
    }
    const more = reply.fidelity === 'preview';
    this.listener.finished({ fidelity: reply.fidelity, results: reply.results, elapsedMs: reply.elapsedMs }, more);
    if (more) this.postBulk({ runId: this.runId, fidelity: 'full', scenario: this.scenario });
  }
}
