// Monte Carlo studies from the Compare view, each in its own worker: a new study, a cancel or an
// edit to the scenario ends the one running (its late replies are ignored).
import type { MonteCarloSettings } from '../simulator/uncertainty/index';
import type { UncertaintyReply } from './simulation/uncertainty-protocol';
import type { PlacewiseStore } from './store/store';
import { uncertainDraft } from './uncertainty/uncertain-draft';

/**
 * Simulated requests per evaluation: the CLI's default for `--monte-carlo` (MONTE_CARLO_REQUESTS
 * in cli/monte-carlo/run-monte-carlo.ts, not imported since that module pulls in worker threads),
 * so that the app and `placewise run --monte-carlo N` give the same figures for the same seed.
 */
export const MONTE_CARLO_REQUESTS = 2000;

/** The part of a Worker used here, so that tests can give a fake. */
export interface UncertaintyWorker {
  postMessage(request: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<UncertaintyReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export class UncertaintySession {
  private worker: UncertaintyWorker | null = null;

  constructor(
    private readonly store: PlacewiseStore,
    private readonly createWorker: () => UncertaintyWorker,
  ) {}

  /** Samples the open scenario's uncertain values; the seed is the scenario's, as on the command line. */
  run({ samples }: { samples: number }): void {
    const { scenario, draft } = this.store.getState();
    const uncertain = uncertainDraft(draft);
    if (!scenario || !uncertain) return;
    this.stop();
    const settings: MonteCarloSettings = { samples, seed: scenario.seed, requests: MONTE_CARLO_REQUESTS };
    const worker = this.createWorker();
    this.worker = worker;
    const state = () => this.store.getState();
    state().setUncertaintyRun({ state: 'running', done: 0, total: 1 }, scenario);
    worker.onmessage = ({ data }) => {
      if (this.worker !== worker) return;
      if (data.kind === 'progress') state().setUncertaintyRun({ state: 'running', done: data.done, total: data.total });
      else {
        state().setUncertaintyRun(
          data.kind === 'done' ? { state: 'done', report: data.report } : { state: 'failed', message: data.message },
        );
        this.stop();
      }
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (this.worker !== worker) return;
      state().setUncertaintyRun({
        state: 'failed',
        message: `the Monte Carlo worker failed: ${event.message || 'unknown error'}`,
      });
      this.stop();
    };
    worker.postMessage({ uncertain, settings });
  }

  /** Ends a running study; a finished one stays (marked out of date once the scenario changes). */
  cancel(): void {
    if (this.worker) this.store.getState().setUncertaintyRun(null);
    this.stop();
  }

  /** Forgets any study: another scenario was opened, whose options may differ. */
  clear(): void {
    this.stop();
    this.store.getState().setUncertaintyRun(null);
  }

  dispose(): void {
    this.stop();
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
