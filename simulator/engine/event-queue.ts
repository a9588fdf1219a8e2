// The future-event list: a binary min-heap on time, kept in typed arrays so that scheduling
// and taking events allocates nothing on the hot path. An event is a time and one integer
// payload (the engine packs a request index and what happens to it). Equal times leave in an
// order fixed by the sequence of operations, so a run is reproducible bit for bit.
export class EventQueue {
  private times: Float64Array;
  private payloads: Int32Array;
  private count = 0;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(initialCapacity);
    this.payloads = new Int32Array(initialCapacity);
  }

  get size(): number {
    return this.count;
  }

  /** Events it holds before its arrays grow. */
  get capacity(): number {
    return this.times.length;
  }

  /** Time of the earliest event; only valid when size > 0. */
  peekTime(): number {
    return this.times[0];
  }

  /** Payload of the earliest event; only valid when size > 0. */
  peekPayload(): number {
    return this.payloads[0];
  }

  push(time: number, payload: number): void {
    if (this.count === this.times.length) this.grow();
    const times = this.times;
    const payloads = this.payloads;
    let index = this.count++;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      // Stryker disable next-line EqualityOperator: with < an event also passes parents at its own time; the heap stays valid and the order of equal times stays fixed by the operations, which is all the engine relies on.
      if (times[parent] <= time) break;
      times[index] = times[parent];
      payloads[index] = payloads[parent];
      index = parent;
    }
    times[index] = time;
    payloads[index] = payload;
  }

  /** Removes the earliest event; read it first with peekTime/peekPayload. */
  pop(): void {
    const times = this.times;
    const payloads = this.payloads;
    const last = --this.count;
    // Stryker disable next-line ConditionalExpression: a shortcut; with one event left the sift below writes it back in place.
    if (last === 0) return;
    const time = times[last];
    const payload = payloads[last];
    let index = 0;
    for (let child = 1; child < last; child = 2 * index + 1) {
      // The right child if it is earlier, else the left (ties too): a comparison added as 0 or 1
      // rather than a branch, which the processor would mispredict at every other level. A right
      // child at `last` is the event being sifted: taken only when earlier than the left, it stops
      // the sift just where the left would, so the heap's end needs no test.
      child += Number(times[child + 1] < times[child]);
      const childTime = times[child];
      if (childTime >= time) break;
      times[index] = childTime;
      payloads[index] = payloads[child];
      index = child;
    }
    times[index] = time;
    payloads[index] = payload;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const payloads = new Int32Array(this.payloads.length * 2);
    times.set(this.times);
    payloads.set(this.payloads);
    this.times = times;
    this.payloads = payloads;
  }
}
