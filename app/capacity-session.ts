// Load sweeps from the Capacity view, each in its own worker; a new sweep or a cancel ends the
// one running.
import type { CapacityReply } from './simulation/capacity-protocol';
import type { PlacewiseStore } from './store/store';

/** The part of a Worker used here, so that tests can give a fake. */
export interface CapacityWorker {
  postMessage(request: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<CapacityReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export class CapacitySession {
  private worker: CapacityWorker | null = null;

  constructor(
    private readonly store: PlacewiseStore,
    private readonly createWorker: () => CapacityWorker,
  ) {}

  run(settings: { option?: string; component?: string }): void {
    const scenario = this.store.getState().scenario;
    if (!scenario) return;
    this.stop();
    const worker = this.createWorker();
    this.worker = worker;
    const state = () => this.store.getState();
    state().setCapacityRun({ state: 'running', done: 0, total: 1 }, scenario);
    worker.onmessage = ({ data }) => {
      if (this.worker !== worker) return;
      if (data.kind === 'progress') state().setCapacityRun({ state: 'running', done: data.done, total: data.total });
      else {
        state().setCapacityRun(
          data.kind === 'done' ? { state: 'done', sweep: data.sweep } : { state: 'failed', message: data.message },
        );
        this.stop();
      }
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (this.worker !== worker) return;
      state().setCapacityRun({
        state: 'failed',
        message: `the capacity worker failed: ${event.message || 'unknown error'}`,
      });
      this.stop();
    };
    worker.postMessage({ scenario, ...settings });
  }

  cancel(): void {
    if (this.worker) this.store.getState().setCapacityRun(null);
    this.stop();
  }

  dispose(): void {
    this.stop();
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
