// A finished run leaves its request slots to the next run on the thread (request-slots.ts):
// taken once, so that no two runs share them, and kept only up to a size, so that a long run's
// state does not stay in memory after it.
import { describe, expect, it } from 'vitest';
import { keepSpareSlots, RequestSlots, takeSpareSlots } from '../../../simulator/evaluate/request-slots';

describe("a run's spare request slots", () => {
  it('go to the one run that takes them next', () => {
    takeSpareSlots();
    const slots = new RequestSlots(1024);
    keepSpareSlots(slots);
    expect(takeSpareSlots()).toBe(slots);
    expect(takeSpareSlots()).toBeUndefined();
  });

  it('are kept up to 65,536 slots and not beyond', () => {
    const largest = new RequestSlots(1 << 16);
    keepSpareSlots(largest);
    expect(takeSpareSlots()).toBe(largest);
    keepSpareSlots(new RequestSlots((1 << 16) + 1));
    expect(takeSpareSlots()).toBeUndefined();
  });

  it('carry over the slots in flight when they grow', () => {
    const small = new RequestSlots(2);
    small.startTime[1] = 42;
    small.freeSlots[0] = 7;
    const larger = new RequestSlots(4, small);
    expect(Array.from(larger.startTime)).toEqual([0, 42, 0, 0]);
    expect(Array.from(larger.freeSlots)).toEqual([7, 0, 0, 0]);
  });
});
