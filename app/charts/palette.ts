// Colours shared by every comparison chart, so an option keeps its colour from chart to chart.
// Okabe–Ito colour-blind-safe palette (Okabe & Ito, "Color Universal Design", 2008).
const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length];
}

export const BUDGET_COLOUR = '#c62828';
export const GRID_COLOUR = '#e0e0e0';
