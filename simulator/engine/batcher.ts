// Mini-batching in front of a station: inferences of one step wait until `maxBatch` of them
// are waiting or the first has waited `maxWaitMs`, then run together as one job whose service
// time is a batch's: a server holds requests for a short window (tens of milliseconds) to use
// its hardware fully.
//
// The background users' inferences join the same batches. Their arrivals are a Poisson stream
// that does not depend on the system, so it is generated ahead: when a detailed request joins a
// batch, the batcher knows whether background arrivals will fill the batch before its deadline,
// and asks the engine for an event at the moment the batch will leave. When the background's
// rate changes (setBackgroundRate), the arrivals generated ahead are drawn again at the new rate.
import type { RandomStream } from '../random/random-stream';
import type { BackgroundBudget } from './background-budget';
import type { Station } from './station';

export interface BatchDispatch {
  /** Detailed requests in the batch and when each arrived. */
  members: readonly number[];
  arrivals: readonly number[];
  start: number;
  service: number;
}

export class Batcher {
  private members: number[] = [];
  private memberArrivals: number[] = [];
  /** Requests in the forming batch, background included. */
  private count = 0;
  private deadline = Number.POSITIVE_INFINITY;
  /** Background arrival times generated ahead, consumed from `read`. */
  // Stryker disable next-line ArrayDeclaration: the rate is 0 (no background read) until setBackgroundRate, which drops what was drawn ahead.
  private background: number[] = [];
  private read = 0;
  private lastBackground = 0;
  /** When the engine has been asked to wake this batcher; NaN when nothing is planned. */
  plannedAt = Number.NaN;
  batches = 0;
  batchedRequests = 0;
  private backgroundRatePerMs = 0;

  constructor(
    private readonly station: Station,
    private readonly maxBatch: number,
    private readonly maxWaitMs: number,
    /** Service time of a batch of `size`, drawn when it is dispatched. */
    private readonly batchService: (size: number) => number,
    private readonly dispatch: (batch: BatchDispatch) => void,
    /** Draws the background arrivals, within the run's budget; without it there are none. */
    private readonly backgroundRandom?: RandomStream,
    private readonly budget?: BackgroundBudget,
  ) {}

  /**
   * From `time` on, background inferences arrive at `ratePerMs`. Returns the time at which the
   * engine must call `wake` when the forming batch now leaves at another time, else NaN.
   */
  setBackgroundRate(time: number, ratePerMs: number): number {
    if (!this.backgroundRandom) return Number.NaN;
    this.advanceTo(time);
    // A Poisson stream restarted at `time` is the same stream: drop what was drawn ahead.
    this.background.length = this.read;
    this.lastBackground = time;
    this.backgroundRatePerMs = ratePerMs;
    if (this.members.length === 0) return Number.NaN;
    const departure = Math.min(this.deadline, this.backgroundFillTime());
    if (departure === this.plannedAt) return Number.NaN;
    this.plannedAt = departure;
    return departure;
  }

  /**
   * A detailed request joins at `time`. Returns the time at which the engine must call `wake`
   * (the batch's departure), or NaN when the batch left at once or nothing changed.
   */
  join(request: number, time: number): number {
    this.advanceTo(time);
    if (this.count === 0) this.deadline = time + this.maxWaitMs;
    this.members.push(request);
    this.memberArrivals.push(time);
    this.count++;
    if (this.count >= this.maxBatch) {
      this.send(time);
      return Number.NaN;
    }
    const departure = Math.min(this.deadline, this.backgroundFillTime());
    if (departure === this.plannedAt) return Number.NaN;
    this.plannedAt = departure;
    return departure;
  }

  /** The engine's event at `time`; stale wake-ups (the batch already left) do nothing. */
  wake(time: number): void {
    // Stryker disable next-line ConditionalExpression: a shortcut; a stale wake-up finds no batch past its deadline, and clearing the plan only makes the next join ask for its wake-up again.
    if (time !== this.plannedAt) return;
    this.plannedAt = Number.NaN;
    this.advanceTo(time);
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: at a planned wake-up, once the arrivals up to it are in, a batch still forming is one whose deadline is now (a batch filled sooner has gone).
    if (this.count > 0 && this.deadline <= time) this.send(this.deadline);
  }

  /** Feeds the background arrivals up to `time` into batches, sending the batches that complete. */
  private advanceTo(time: number): void {
    if (this.backgroundRatePerMs === 0) return;
    for (;;) {
      const next = this.peekBackground();
      if (next > time) break;
      this.read++;
      // Stryker disable next-line EqualityOperator: with no batch forming the deadline is Infinity, and a background arrival (exponential gaps) falls exactly on a deadline with probability 0.
      if (this.count > 0 && this.deadline < next) this.send(this.deadline);
      if (this.count === 0) this.deadline = next + this.maxWaitMs;
      this.count++;
      if (this.count >= this.maxBatch) this.send(next);
    }
    // A batch of background requests only leaves when its deadline passes; nobody waits on it.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a batch with detailed requests has left at its planned wake-up by now, and one of background only is sent at its deadline whenever it is flushed, here or before the next arrival joins (above).
    if (this.count > 0 && this.members.length === 0 && this.deadline <= time) this.send(this.deadline);
  }

  /** When background arrivals alone would fill the forming batch (Infinity if not before its deadline). */
  private backgroundFillTime(): number {
    if (this.backgroundRatePerMs === 0) return Number.POSITIVE_INFINITY;
    const needed = this.maxBatch - this.count;
    for (let ahead = 0; ; ahead++) {
      const time = this.peekBackground(ahead);
      // Stryker disable next-line EqualityOperator: a batch filled exactly at its deadline leaves at the deadline either way.
      if (time > this.deadline) return Number.POSITIVE_INFINITY;
      if (ahead + 1 === needed) return time;
    }
  }

  private peekBackground(ahead = 0): number {
    while (this.read + ahead >= this.background.length) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: dropping the arrivals consumed only bounds the memory held.
      if (this.read > 4096) {
        this.background = this.background.slice(this.read);
        this.read = 0;
        continue;
      }
      this.budget?.take(1);
      this.lastBackground += this.backgroundRandom!.exponential(1 / this.backgroundRatePerMs);
      this.background.push(this.lastBackground);
    }
    return this.background[this.read + ahead];
  }

  private send(time: number): void {
    const service = this.batchService(this.count);
    const start = this.station.admit(time, service);
    this.batches++;
    this.batchedRequests += this.count;
    if (this.members.length > 0) {
      this.dispatch({ members: this.members, arrivals: this.memberArrivals, start, service });
      this.members = [];
      this.memberArrivals = [];
    }
    this.count = 0;
    this.deadline = Number.POSITIVE_INFINITY;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a plan left after its batch has gone is still an event the engine holds at that time, so keeping or clearing it wakes the batcher alike.
    if (Number.isFinite(this.plannedAt) && this.plannedAt !== time) this.plannedAt = Number.NaN;
  }
}

/**
 * A batch's time relative to one inference. From a measured curve of [size, factor] points
 * (linear between them and beyond the last two); by default each inference after the first
 * adds 30% of a single one's time, a middle ground between CPUs (near-linear) and GPUs (flat
 * until the device fills) that a measurement should replace.
 */
export function batchFactor(size: number, curve?: readonly (readonly [number, number])[]): number {
  if (!curve || curve.length === 0) return 1 + 0.3 * (size - 1);
  const points = curve[0][0] === 1 ? curve : [[1, 1] as const, ...curve];
  // Stryker disable next-line ConditionalExpression: a shortcut; with one point the loop below does not run and the same line returns size.
  if (points.length === 1) return size;
  // Stryker disable next-line EqualityOperator: the last segment always returns, so the loop never reaches its bound.
  for (let index = 1; index < points.length; index++) {
    const [size1, factor1] = points[index];
    // Stryker disable next-line EqualityOperator: the curve is continuous: at size1 both segments that meet there give factor1.
    if (size <= size1 || index === points.length - 1) {
      const [size0, factor0] = points[index - 1];
      return factor0 + ((factor1 - factor0) * (size - size0)) / (size1 - size0);
    }
  }
  return size;
}
