// A component box's size follows from what it holds, so layout (elk), the scope boxes and the
// rendered box agree without waiting for the browser to measure: the box is drawn at exactly
// this size (styles.css keeps every line on one row).
import type { Size } from './types';

export const NODE_WIDTH = 244;
const HEADER = 50;
const FIGURES = 24;
const CHIP = 28;
const CHIP_GAP = 4;
const PADDING = 10;

export function componentNodeSize(chips: number): Size {
  return { width: NODE_WIDTH, height: HEADER + FIGURES + chips * (CHIP + CHIP_GAP) + PADDING };
}

/** Room around a scope's components: the top holds its title. */
export const SCOPE_PADDING = { top: 40, side: 24, bottom: 24 } as const;
