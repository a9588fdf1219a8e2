// How a figure moved since the last edit ("▲ 12 ms"): against the results shown before the edit,
// for the same option. Too small a move to show reads as no change.
export interface FigureChange {
  text: string;
  /** Whether the move is for the better, given which way is better for this figure. */
  better: boolean;
}

// Moves under this share of the figure are noise of the simulation, not an effect of the edit.
const SMALLEST_SHOWN = 0.005;

export function figureChange(
  now: number | null,
  before: number | null | undefined,
  better: 'lower' | 'higher',
  format: (value: number) => string,
): FigureChange | null {
  if (now === null || before === null || before === undefined) return null;
  if (!Number.isFinite(now) || !Number.isFinite(before)) return null;
  const difference = now - before;
  const scale = Math.max(Math.abs(now), Math.abs(before));
  if (scale === 0 || Math.abs(difference) / scale < SMALLEST_SHOWN) return null;
  const magnitude = format(Math.abs(difference));
  if (magnitude === format(0)) return null;
  return {
    text: `${difference > 0 ? '▲' : '▼'} ${magnitude}`,
    better: better === 'lower' ? difference < 0 : difference > 0,
  };
}
