// The background users' arrivals a run may simulate. The detailed users are chosen so that the
// background stays well within it (run-shape.ts), but a station whose detailed jobs arrive late
// (after a saturated link, say) gets the background of all that time: with absurd loads that is
// more than any run can hold, and the run stops with a RunLimitError rather than going on.
import { RunLimitError } from './run-limit-error';

export class BackgroundBudget {
  constructor(private remaining: number) {}

  /** Takes `count` arrivals from the budget; throws when they are more than it has left. */
  take(count: number): void {
    this.remaining -= count;
    if (this.remaining < 0) {
      throw new RunLimitError({
        path: 'workload',
        message:
          'the load is more than a run can simulate: the users not simulated in detail bring more requests to a shared component than a run holds, because a station on the way is saturated far beyond its capacity; lower the load (users, per_user_rps) or the figures that saturate it',
      });
    }
  }
}
