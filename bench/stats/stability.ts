// Stability of a measurement: the sample is cut into consecutive windows and the medians of the
// windows compared. Thermal throttling, a neighbour process or frequency scaling shows up as a
// drift between windows that a single overall median hides. The run is still reported, flagged.
import { quantileSorted } from './latency-stats';

/** Windows whose medians differ by more than this share of the smallest are unstable (issue 3). */
export const STABILITY_TOLERANCE = 0.1;
export const STABILITY_WINDOWS = 5;
/** Fewer samples than this per window make window medians too noisy to judge. */
const MIN_PER_WINDOW = 3;

export interface StabilityVerdict {
  stable: boolean;
  windows_p50_ms: number[];
  /** (max - min) / min of the window medians. */
  spread: number;
  reason?: string;
}

export function judgeStability(samples: ArrayLike<number>, windows = STABILITY_WINDOWS): StabilityVerdict {
  const count = Math.min(windows, Math.floor(samples.length / MIN_PER_WINDOW));
  if (count < 2) {
    return {
      stable: true,
      windows_p50_ms: [],
      spread: 0,
      reason: `too few iterations (${samples.length}) to compare windows; need at least ${2 * MIN_PER_WINDOW}`,
    };
  }
  const medians: number[] = [];
  for (let w = 0; w < count; w++) {
    const start = Math.floor((w * samples.length) / count);
    const end = Math.floor(((w + 1) * samples.length) / count);
    const window = Float64Array.from(Array.prototype.slice.call(samples, start, end) as number[]).sort();
    medians.push(Math.round(quantileSorted(window, 0.5) * 1000) / 1000);
  }
  const low = Math.min(...medians);
  const high = Math.max(...medians);
  const spread = low > 0 ? (high - low) / low : 0;
  if (spread <= STABILITY_TOLERANCE) return { stable: true, windows_p50_ms: medians, spread };
  return {
    stable: false,
    windows_p50_ms: medians,
    spread,
    reason: `window medians range from ${low} to ${high} ms (${Math.round(spread * 100)}% apart, more than ${STABILITY_TOLERANCE * 100}%)`,
  };
}
