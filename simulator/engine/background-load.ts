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

// The spacings of one admitUntil's arrivals, shared by every stream on this thread: a call fills
// and reads them before it returns, and no other call runs meanwhile. (A buffer per stream,
// made with each run's stations, cost half a per cent of a Monte Carlo sample's CPU.) One
// larger than this is used for its call only, so that it does not stay in memory for nothing.
let sharedSpacings = new Float64Array(256);
const MAX_KEPT_SPACINGS = 1 << 16;

function spacingsFor(count: number): Float64Array {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a new buffer each time holds the same spacings; at a length of exactly count the last spacing is not stored, but the caller still adds it to the total, and no arrival reads it.
  if (sharedSpacings.length > count) return sharedSpacings;
  const grown = new Float64Array(2 * (count + 1));
  // Stryker disable next-line ConditionalExpression,EqualityOperator: keeping a larger buffer or none changes only the memory held and the allocations, never the spacings.
  if (grown.length <= MAX_KEPT_SPACINGS) sharedSpacings = grown;
  return grown;
}

export class BackgroundLoad {
  private last = 0;
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
      const spacings = spacingsFor(count);
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
