// Where a link meets its two boxes: on the line between their centres, at each box's border, so
// that a link is drawn the same whichever side the user puts the boxes on.
import type { Size, XY } from '../model/types';

export interface Box extends XY, Size {}

function border(box: Box, toward: XY): XY {
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const dx = toward.x - centre.x;
  const dy = toward.y - centre.y;
  if (dx === 0 && dy === 0) return centre;
  const scale = Math.min(
    dx === 0 ? Infinity : box.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : box.height / 2 / Math.abs(dy),
  );
  return { x: centre.x + dx * scale, y: centre.y + dy * scale };
}

export function floatingEnds(a: Box, b: Box): { from: XY; to: XY } {
  const centreOf = (box: Box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
  return { from: border(a, centreOf(b)), to: border(b, centreOf(a)) };
}
