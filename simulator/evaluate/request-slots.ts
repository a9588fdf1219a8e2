// The event loop's per-request state (simulate-option.ts): one entry per slot, a request in
// flight, in typed arrays that grow as more requests are in flight at once. The next run on this
// thread takes a finished run's arrays, with every slot free, rather than allocating them again: a Monte Carlo sample makes eight runs, and allocating (and collecting) the
// seventeen arrays of each, twice as they grow, cost a few per cent of a run. Every entry a run
// reads is written first when the slot is taken (or, for hopTarget, when the hop starts), so
// what a previous run left in them is never seen.

// Larger arrays are not kept for the next run: a long run's state would stay in memory for nothing.
const MAX_KEPT_SLOTS = 1 << 16;

export class RequestSlots {
  readonly requestOf: Int32Array;
  readonly startTime: Float64Array;
  readonly userOf: Int32Array;
  readonly ownOf: Int32Array;
  readonly stepOf: Int32Array;
  readonly location: Int32Array;
  readonly hopTarget: Int32Array;
  readonly fallbackMask: Int32Array;
  readonly cacheChecked: Int32Array;
  readonly payloadKb: Float64Array;
  readonly queueMs: Float64Array;
  readonly computeMs: Float64Array;
  readonly networkMs: Float64Array;
  readonly accuracy: Float64Array;
  readonly offline: Uint8Array;
  readonly cascadePhase: Uint8Array;
  readonly freeSlots: Int32Array;

  /** Slots for `size` requests; those of `from` (the requests in flight) copied in. */
  constructor(
    readonly size: number,
    from?: RequestSlots,
  ) {
    this.requestOf = grown(new Int32Array(size), from?.requestOf);
    this.startTime = grown(new Float64Array(size), from?.startTime);
    this.userOf = grown(new Int32Array(size), from?.userOf);
    this.ownOf = grown(new Int32Array(size), from?.ownOf);
    this.stepOf = grown(new Int32Array(size), from?.stepOf);
    this.location = grown(new Int32Array(size), from?.location);
    this.hopTarget = grown(new Int32Array(size), from?.hopTarget);
    this.fallbackMask = grown(new Int32Array(size), from?.fallbackMask);
    this.cacheChecked = grown(new Int32Array(size), from?.cacheChecked);
    this.payloadKb = grown(new Float64Array(size), from?.payloadKb);
    this.queueMs = grown(new Float64Array(size), from?.queueMs);
    this.computeMs = grown(new Float64Array(size), from?.computeMs);
    this.networkMs = grown(new Float64Array(size), from?.networkMs);
    this.accuracy = grown(new Float64Array(size), from?.accuracy);
    this.offline = grown(new Uint8Array(size), from?.offline);
    this.cascadePhase = grown(new Uint8Array(size), from?.cascadePhase);
    this.freeSlots = grown(new Int32Array(size), from?.freeSlots);
  }
}

function grown<T extends Float64Array | Int32Array | Uint8Array>(array: T, from: T | undefined): T {
  if (from) array.set(from);
  return array;
}

let spare: RequestSlots | undefined;

/** The slots a finished run left, or none; taken, so that no other run uses them meanwhile. */
export function takeSpareSlots(): RequestSlots | undefined {
  const slots = spare;
  spare = undefined;
  return slots;
}

/** Leaves a finished run's slots, all free, to the next run. */
export function keepSpareSlots(slots: RequestSlots): void {
  if (slots.size <= MAX_KEPT_SLOTS) spare = slots;
}
