// Load sweeps from the Capacity view, each in its own worker; a new sweep or a cancel ends the
// one running.
import type { CapacityReply } from './simulation/capacity-protocol';
import type { PlacewiseStore } from './store/store';
import { type JobWorker, WorkerJob } from './worker-job';

export type CapacityWorker = JobWorker<CapacityReply>;

export class CapacitySession {
  private readonly job: WorkerJob<Extract<CapacityReply, { kind: 'done' }>>;

  constructor(
    private readonly store: PlacewiseStore,
    createWorker: () => CapacityWorker,
  ) {
    this.job = new WorkerJob(createWorker, 'capacity');
  }

  run(settings: { option?: string; component?: string }): void {
    const scenario = this.store.getState().scenario;
    if (!scenario) return;
    const state = () => this.store.getState();
    state().setCapacityRun({ state: 'running', done: 0, total: 1 }, scenario);
    this.job.start(
      { scenario, ...settings },
      {
        progress: (done, total) => state().setCapacityRun({ state: 'running', done, total }),
        done: (reply) => state().setCapacityRun({ state: 'done', sweep: reply.sweep }),
        failed: (message) => state().setCapacityRun({ state: 'failed', message }),
      },
    );
  }

  cancel(): void {
    if (this.job.running) this.store.getState().setCapacityRun(null);
    this.job.stop();
  }

  dispose(): void {
    this.job.stop();
  }
}
