// Monte Carlo studies from the Compare view, each in its own worker: a new study, a cancel or an
// edit to the scenario ends the one running (its late replies are ignored).
import { MONTE_CARLO_REQUESTS, type MonteCarloSettings } from '../simulator/uncertainty/index';
import type { UncertaintyReply } from './simulation/uncertainty-protocol';
import type { PlacewiseStore } from './store/store';
import { uncertainDraft } from './uncertainty/uncertain-draft';
import { type JobWorker, WorkerJob } from './worker-job';

export type UncertaintyWorker = JobWorker<UncertaintyReply>;

export class UncertaintySession {
  private readonly job: WorkerJob<Extract<UncertaintyReply, { kind: 'done' }>>;

  constructor(
    private readonly store: PlacewiseStore,
    createWorker: () => UncertaintyWorker,
  ) {
    this.job = new WorkerJob(createWorker, 'Monte Carlo');
  }

  /** Samples the open scenario's uncertain values; the seed is the scenario's, as on the command line. */
  run({ samples }: { samples: number }): void {
    const { scenario, draft } = this.store.getState();
    const uncertain = uncertainDraft(draft);
    if (!scenario || !uncertain) return;
    const settings: MonteCarloSettings = { samples, seed: scenario.seed, requests: MONTE_CARLO_REQUESTS };
    const state = () => this.store.getState();
    state().setUncertaintyRun({ state: 'running', done: 0, total: samples, samples }, scenario);
    this.job.start(
      { uncertain, settings },
      {
        progress: (done, total) => state().setUncertaintyRun({ state: 'running', done, total, samples }),
        done: (reply) => state().setUncertaintyRun({ state: 'done', report: reply.report }),
        failed: (message) => state().setUncertaintyRun({ state: 'failed', message }),
      },
    );
  }

  /** Ends a running study; a finished one stays (marked out of date once the scenario changes). */
  cancel(): void {
    if (this.job.running) this.store.getState().setUncertaintyRun(null);
    this.job.stop();
  }

  /** Forgets any study: another scenario was opened, whose options may differ. */
  clear(): void {
    this.job.stop();
    this.store.getState().setUncertaintyRun(null);
  }

  dispose(): void {
    this.job.stop();
  }
}
