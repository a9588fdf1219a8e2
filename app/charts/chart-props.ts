import type { ScenarioResults } from '../../simulator/results';

/**
 * Every comparison chart takes the results and an explicit size: no store, no resize
 * observer, so the same component draws live in the Compare view and statically in the
 * exported report.
 */
export interface ComparisonChartProps {
  results: ScenarioResults;
  width: number;
  height: number;
}

// Charts re-draw on every re-simulation while the user edits; animating each would make the
// figures hard to read, and a static export must show the final frame at once.
export const STATIC = { isAnimationActive: false } as const;

export const CHART_MARGIN = { top: 16, right: 24, bottom: 8, left: 8 };
