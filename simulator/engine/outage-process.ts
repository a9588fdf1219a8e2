// Whether a link is down at a given time. Each instance of a link (one per simulated user for a
// link that touches a per-user component, one for a shared link) has its own alternating
// up/down process: up for an `every_s` draw, down for a `lasting_s` draw. Instances start in
// the process's long-run state (down with probability E[lasting] / (E[every] + E[lasting]))
// so that a short run sees the same share of outages as a long one; the first period is a
// fresh draw, which is exact for exponential periods (memoryless) and an approximation
// otherwise. A fixed schedule applies to every instance alike.
import { RandomStream } from '../random/random-stream';
import type { Sampler } from '../random/sampler';

export interface OutageProcess {
  /** Queries for one instance must come in non-decreasing time order (the engine's order). */
  isDown(instance: number, timeMs: number): boolean;
  /** Long-run share of time down. */
  readonly downShare: number;
}

export const NEVER_DOWN: OutageProcess = { isDown: () => false, downShare: 0 };

export function alternatingOutages(
  every: Sampler,
  lasting: Sampler,
  instances: number,
  seed: number,
  linkId: string,
): OutageProcess {
  const downShare = lasting.mean / (every.mean + lasting.mean);
  const nextToggleMs = new Float64Array(instances);
  const down = new Uint8Array(instances);
  const randoms: RandomStream[] = [];
  for (let instance = 0; instance < instances; instance++) {
    const random = new RandomStream(seed, `outages:${linkId}`, instance);
    randoms.push(random);
    down[instance] = random.next() < downShare ? 1 : 0;
    nextToggleMs[instance] = 1000 * (down[instance] ? lasting : every).sample(random);
  }
  return {
    downShare,
    isDown(instance, timeMs) {
      while (timeMs >= nextToggleMs[instance]) {
        down[instance] ^= 1;
        nextToggleMs[instance] += 1000 * (down[instance] ? lasting : every).sample(randoms[instance]);
      }
      return down[instance] === 1;
    },
  };
}

export function scheduledOutages(schedule: readonly (readonly [number, number])[], horizonS: number): OutageProcess {
  const intervals = [...schedule]
    .sort((a, b) => a[0] - b[0])
    .map(([start, end]) => [start * 1000, end * 1000] as const);
  const downS = schedule.reduce(
    (sum, [start, end]) => sum + Math.max(0, Math.min(end, horizonS) - Math.min(start, horizonS)),
    0,
  );
  return {
    downShare: horizonS > 0 ? downS / horizonS : 0,
    isDown(_instance, timeMs) {
      for (const [start, end] of intervals) {
        if (timeMs < start) return false;
        if (timeMs < end) return true;
      }
      return false;
    },
  };
}
