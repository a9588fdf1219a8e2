// The load of the users not simulated in detail on one shared station: a Poisson stream whose
// rate and service mix (the steps or messages the option sends there, weighted by how often)
// are those of the routing in force, changed by setRate when the routing changes (an hour of the
// load profile, a scheduled outage). It is generated lazily: before a detailed job is admitted,
// the background arrivals since the previous call are drawn (a Poisson count for the gap,
// placed uniformly in it, which is exactly a Poisson process) and admitted first, in time order.
// Its draws come from its own random stream, so the detailed jobs' draws stay the same across
// options (common random numbers).
import type { RandomStream } from '../random/random-stream';
import type { BackgroundBudget } from './background-budget';
import { constantSampler, type Sampler } from '../random/sampler';

export interface Admitting {
  admit(arrival: number, service: number): number;
}

const NO_SERVICE = constantSampler(0);

export class BackgroundLoad {
  private last = 0;
  private spacings = new Float64Array(256);
  private ratePerMs = 0;
  private service: Sampler = NO_SERVICE;

  constructor(
    private readonly random: RandomStream,
    private readonly budget: BackgroundBudget,
  ) {}

  /** From the last admitUntil on, jobs arrive at `ratePerMs` and need `service`. */
  setRate(ratePerMs: number, service: Sampler | undefined): void {
    this.ratePerMs = ratePerMs;
    this.service = service ?? NO_SERVICE;
  }

  /** Admits into `station` every background job that arrived after the previous call and by `time`. */
  admitUntil(time: number, station: Admitting): void {
    const random = this.random;
    const span = time - this.last;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; calls come in time order, and an empty gap draws no arrivals (a Poisson count of mean 0 is 0).
    if (span <= 0) return;
    const count = random.poisson(this.ratePerMs * span);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with no arrival the block places none; it only draws one spacing more from this stream of its own, which leaves the process's law as it is.
    if (count > 0) {
      this.budget.take(count);
      // Sorted uniform times on the gap from normalised exponential spacings.
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a new buffer each time holds the same spacings; at a length of exactly count the last spacing is not stored, but the assignment below still adds it to the total, and no arrival reads it.
      if (this.spacings.length <= count) this.spacings = new Float64Array(2 * (count + 1));
      const spacings = this.spacings;
      let total = 0;
      // Stryker disable next-line UnaryOperator: the spacings are divided by their total, so their sign cancels.
      for (let index = 0; index <= count; index++) total += spacings[index] = -Math.log(random.nextOpen());
      const service = this.service;
      let arrival = this.last;
      for (let index = 0; index < count; index++) {
        arrival += (spacings[index] / total) * span;
        station.admit(arrival, service.sample(random));
      }
    }
    this.last = time;
  }
}
